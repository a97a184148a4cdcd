using SocialInnovation.Invites;

namespace SocialInnovation.Grains.Invites;

[GenerateSerializer]
public sealed class InviteState
{
    /// <summary>Its <see cref="InviteSummary.Uses"/> as stored may lag; an activation counts the claims instead.</summary>
    [Id(0)] public InviteSummary? Summary { get; set; }
    [Id(1)] public string CampName { get; set; } = "";
    /// <summary>Who has used the invite (up to the last fold), so that one person's retry does not count twice.</summary>
    [Id(2)] public HashSet<Guid> ClaimedBy { get; set; } = [];
}

/// <summary>
/// The claims made since the invite was last stored whole, in a blob of their own: a claim's write is
/// this small set, not the invite's whole list of who used it (up to 1,000 people, ~40 KB).
/// </summary>
[GenerateSerializer]
public sealed class RecentClaimsState
{
    [Id(0)] public HashSet<Guid> ClaimedBy { get; set; } = [];
}
