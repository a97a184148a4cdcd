using SocialInnovation.Invites;

namespace SocialInnovation.Grains.Invites;

[GenerateSerializer]
public sealed class InviteState
{
    [Id(0)] public InviteSummary? Summary { get; set; }
    [Id(1)] public string CampName { get; set; } = "";
    /// <summary>Who has used the invite, so that one person's retry does not count twice.</summary>
    [Id(2)] public HashSet<Guid> ClaimedBy { get; set; } = [];
}
