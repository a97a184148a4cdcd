using SocialInnovation.Audience;

namespace SocialInnovation.Grains.Polls;

/// <summary>What an audience poll keeps beside the poll's own state.</summary>
[GenerateSerializer]
public sealed class AudiencePollState
{
    [Id(0)] public string Code { get; set; } = "";
    [Id(1)] public AudiencePollKind Kind { get; set; }
    [Id(2)] public bool HideUntilReveal { get; set; }
    [Id(3)] public bool RequireInvite { get; set; }
    [Id(4)] public bool Revealed { get; set; }
    /// <summary>
    /// Per voter, the idempotency keys of their accepted votes, oldest first (at most
    /// <see cref="PollGrain.MaxVotesPerVoter"/>): a retry of the latest is answered as before, and a late
    /// retry of an earlier one is answered without undoing the later vote. Kept per voter, so thousands of
    /// voters never push each other's keys out the way a shared recent-keys log would.
    /// </summary>
    [Id(5)] public Dictionary<Guid, List<string>> Keys { get; set; } = [];

    /// <summary>For a people's choice poll, the team of each option in option order.</summary>
    [Id(6)] public List<Guid> Teams { get; set; } = [];

    public bool Hidden => HideUntilReveal && !Revealed;
}
