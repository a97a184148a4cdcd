using SocialInnovation.Common;

namespace SocialInnovation.Camps;

/// <summary>
/// Which phase changes are allowed. A camp moves one phase forward, or one phase back to undo a
/// mistaken click; it may be archived from any phase (a cancelled camp), and an archived camp is final.
/// </summary>
public static class PhaseRules
{
    public static IReadOnlyList<CampPhase> AllowedFrom(CampPhase current)
    {
        if (current == CampPhase.Archived) return [];
        var allowed = new List<CampPhase>();
        if (current > CampPhase.Draft) allowed.Add(current - 1);
        allowed.Add(current + 1);
        if (current + 1 != CampPhase.Archived) allowed.Add(CampPhase.Archived);
        return allowed;
    }

    /// <summary>Null when the move is allowed, otherwise the reason it is not.</summary>
    public static DomainError? Check(CampPhase current, CampPhase target)
    {
        if (current == target)
            return DomainError.Conflict("phase.unchanged", $"The camp is already in the {current} phase.");
        if (current == CampPhase.Archived)
            return DomainError.Conflict("phase.archived", "An archived camp is final; its phase cannot change.");
        if (AllowedFrom(current).Contains(target)) return null;
        var options = string.Join(" or ", AllowedFrom(current).Select(p => p == CampPhase.Archived ? "be archived" : $"go to {p}"));
        return DomainError.Conflict("phase.jump", $"A camp moves one phase at a time: from {current} it can {options}, not go to {target}.");
    }
}
