using SocialInnovation.Camps;
using SocialInnovation.Grains.Common;
using SocialInnovation.Invites;

namespace SocialInnovation.Grains.Camps;

[GenerateSerializer]
public sealed class CampState
{
    [Id(0)] public CampDetails? Details { get; set; }
    [Id(1)] public CampPhase Phase { get; set; }
    /// <summary>The sequence number of the last change; the next event gets Seq + 1.</summary>
    [Id(2)] public long Seq { get; set; }
    [Id(3)] public List<PhaseChangeRecord> History { get; set; } = [];
    [Id(4)] public List<TeamView> Teams { get; set; } = [];
    [Id(5)] public Dictionary<Guid, CampMember> Members { get; set; } = [];
    [Id(6)] public Dictionary<Guid, InviteRecord> Invites { get; set; } = [];
    /// <summary>The most recent events, so a reconnecting client can catch up without a full reload.</summary>
    [Id(7)] public List<CampEvent> RecentEvents { get; set; } = [];
    [Id(8)] public IdempotencyLog Applied { get; set; } = new();
    [Id(9)] public Guid CreatedBy { get; set; }
    [Id(10)] public string CreatedWithKey { get; set; } = "";
    [Id(11)] public DateTimeOffset CreatedAt { get; set; }

    public bool Exists => Details is not null;
}

/// <summary>An invite as the camp remembers it: its summary and the hash that names its grain.</summary>
[GenerateSerializer]
public sealed class InviteRecord
{
    [Id(0)] public required InviteSummary Summary { get; set; }
    [Id(1)] public required string TokenHash { get; set; }
}
