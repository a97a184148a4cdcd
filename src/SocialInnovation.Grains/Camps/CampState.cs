using SocialInnovation.Camps;
using SocialInnovation.Grains.Live;
using SocialInnovation.Invites;

namespace SocialInnovation.Grains.Camps;

[GenerateSerializer]
public sealed class CampState
{
    [Id(0)] public CampDetails? Details { get; set; }
    [Id(1)] public CampPhase Phase { get; set; }
    /// <summary>The camp's stream: position, recent events and applied idempotency keys.</summary>
    [Id(2)] public StreamLogState Log { get; set; } = new();
    [Id(3)] public List<PhaseChangeRecord> History { get; set; } = [];
    [Id(4)] public List<TeamView> Teams { get; set; } = [];
    /// <summary>Only in camps stored before the roster moved to <see cref="CampRosterGrain"/>; moved there at activation.</summary>
    [Id(5)] public Dictionary<Guid, CampMember> Members { get; set; } = [];
    /// <summary>Likewise: invites now live in the roster's grain.</summary>
    [Id(6)] public Dictionary<Guid, InviteRecord> Invites { get; set; } = [];
    /// <summary>The roster's counts by role, as of roster version <see cref="RosterVersion"/>: all the camp keeps of its people.</summary>
    [Id(12)] public MemberCounts? Counts { get; set; }
    [Id(13)] public long RosterVersion { get; set; }
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
