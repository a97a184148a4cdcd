using SocialInnovation.People;

namespace SocialInnovation.Server.Access;

/// <summary>
/// Who may call an endpoint or hub method. Every API endpoint and hub method carries exactly one; one
/// filter for HTTP (<see cref="AccessFilter"/>) and one for the hub (<see cref="HubAccessFilter"/>)
/// enforce it, and anything without one is refused. The authorization-matrix test walks all of them.
/// </summary>
public abstract record Access
{
    /// <summary>Anyone, signed in or not (sign-in itself, invite preview and redemption).</summary>
    public sealed record Anyone : Access;

    /// <summary>Any signed-in person.</summary>
    public sealed record SignedIn : Access;

    /// <summary>The holder of the platform's organizer key, who creates camps.</summary>
    public sealed record PlatformOrganizer : Access;

    /// <summary>A member of the camp named by the route's or hub call's camp id, in one of these roles.</summary>
    public sealed record InCamp(IReadOnlySet<CampRole> Roles) : Access
    {
        public override string ToString() => $"InCamp({string.Join(", ", Roles)})";
    }

    /// <summary>
    /// A participant who is a member of the team named by the route's team id (in that camp), or a member
    /// of the camp in one of <paramref name="AnyTeam"/> (e.g. organizers, who look after every team).
    /// </summary>
    public sealed record InTeam(IReadOnlySet<CampRole> AnyTeam) : Access
    {
        public override string ToString() => $"InTeam(members, {string.Join(", ", AnyTeam)})";
    }

    /// <summary>
    /// The camp's own people: participants, mentors, judges and organizers — what <c>InCamp()</c> without
    /// roles means. Reviewers, who only help with selection, are not in it: every endpoint or stream that
    /// lets them in names them, so a new capability never opens to them by accident.
    /// </summary>
    public static readonly IReadOnlySet<CampRole> AnyRole = Enum.GetValues<CampRole>().Where(r => r != CampRole.Reviewer).ToHashSet();

    /// <summary>Every role, reviewers included: the camp's snapshot and stream (its name, phase and dates).</summary>
    public static readonly IReadOnlySet<CampRole> EveryRole = Enum.GetValues<CampRole>().ToHashSet();
}

/// <summary>Puts an <see cref="Access"/> rule on a hub method. The hub method's first argument is the camp id.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CampAccessAttribute(params CampRole[] roles) : Attribute
{
    public Access.InCamp Rule { get; } = new(roles.Length == 0 ? Access.AnyRole : roles.ToHashSet());
}

/// <summary>
/// Puts the stream rule on a hub method whose first argument is a stream's name: the caller must hold a
/// role the stream's kind allows in the camp named in the stream, and pass the kind's own check
/// (<see cref="Live.IStreamKind"/>). Decided by <see cref="AccessCheck.CheckStream"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StreamAccessAttribute : Attribute;

/// <summary>The checked caller of a request, available to handlers once access was granted.</summary>
public sealed record Caller(Guid PersonId, string Name, Guid? CampId, CampRole? Role);
