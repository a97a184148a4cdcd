using SocialInnovation.Camps;
using SocialInnovation.Grains.Common;
using SocialInnovation.Invites;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Camps;

/// <summary>
/// A camp's people and invites, kept apart from the camp's own state so that the camp's writes stay
/// small however many people join (2,000 joining would otherwise rewrite a growing roster each time).
/// Keyed by the camp id; only <see cref="CampGrain"/> calls it.
/// </summary>
public interface ICampRosterGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Adds the member unless they are on the roster already (then the stored one is answered); when
    /// <paramref name="newcomersWelcome"/> is false, someone not yet on it is refused (Member null).
    /// </summary>
    Task<RosterAdmission> Admit(CampMember member, bool newcomersWelcome);

    Task<IReadOnlyList<CampMember>> GetMembers();

    /// <summary>The counts by role and the version they are of (how a camp makes good counts it failed to store).</summary>
    Task<RosterCounts> GetCounts();

    Task AddInvite(InviteRecord record);

    Task<InviteRecord?> GetInvite(Guid inviteId);

    Task<IReadOnlyList<InviteRecord>> GetInvites();

    Task SetInvite(Guid inviteId, InviteSummary summary);

    /// <summary>Takes the roster and invites a camp stored inside itself before they moved here; idempotent.</summary>
    Task Import(IReadOnlyList<CampMember> members, IReadOnlyList<InviteRecord> invites);
}

/// <param name="Counts">The roster's counts by role after this admission; <paramref name="Version"/> orders them.</param>
[GenerateSerializer, Immutable]
public sealed record RosterAdmission(CampMember? Member, bool Added, MemberCounts Counts, long Version);

[GenerateSerializer, Immutable]
public sealed record RosterCounts(MemberCounts Counts, long Version);

[GenerateSerializer]
public sealed class CampRosterState
{
    [Id(0)] public Dictionary<Guid, CampMember> Members { get; set; } = [];
    [Id(1)] public Dictionary<Guid, InviteRecord> Invites { get; set; } = [];
    /// <summary>+1 per change of the members, so the camp keeps only the newest counts.</summary>
    [Id(2)] public long Version { get; set; }
}

/// <summary>
/// The members admitted since the roster was last stored whole, in a blob of their own: a join's write
/// is this small list, not the whole roster (2,000 joins would otherwise write 2,000 growing rosters).
/// </summary>
[GenerateSerializer]
public sealed class RecentMembersState
{
    [Id(0)] public Dictionary<Guid, CampMember> Members { get; set; } = [];
    [Id(1)] public long Version { get; set; }
}

/// <summary>
/// Reentrant with group commit: 64 people joining at once are a few writes, each answered once stored.
/// New members are stored in the small "roster-recent" state; once it holds <see cref="FoldAt"/> of them
/// (or the invites changed) the whole roster is stored with them and the recent list starts empty again,
/// so each write is small and the whole roster is written once per <see cref="FoldAt"/> joins. Storage
/// may hold a member in both (a fold whose second write failed): the roster is their union.
/// </summary>
[Orleans.Concurrency.Reentrant]
public sealed class CampRosterGrain(
    [PersistentState("roster", StorageNames.State)] IPersistentState<CampRosterState> state,
    [PersistentState("roster-recent", StorageNames.State)] IPersistentState<RecentMembersState> recent) : Grain, ICampRosterGrain
{
    /// <summary>How many recent members the roster takes in at once (a write of ~25 KB of them at most).</summary>
    public const int FoldAt = 128;

    private GroupCommit? _commit;
    private readonly FoldedWrites _fold = new(state, recent, FoldAt);
    private MemberCounts? _counts;

    private CampRosterState Roster => state.State;

    private Dictionary<Guid, CampMember> Recent => recent.State.Members;

    private long Version => Math.Max(Roster.Version, recent.State.Version);

    private GroupCommit Writes => _commit ??= new GroupCommit(Write, _ => DeactivateOnIdle());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A member in both is one whose fold stored the roster but not yet the emptied recent list.
        foreach (var id in Recent.Keys.Where(Roster.Members.ContainsKey).ToList()) Recent.Remove(id);
        return Task.CompletedTask;
    }

    public async Task<RosterAdmission> Admit(CampMember member, bool newcomersWelcome)
    {
        if (Find(member.PersonId) is { } existing)
        {
            await Writes.Settled(); // a retry: the first admission's write may still be in flight
            return new RosterAdmission(existing, false, Counts(), Version);
        }
        if (!newcomersWelcome) return new RosterAdmission(null, false, Counts(), Version);
        var counts = Plus(Counts(), member.Role); // counted before the member is in, so once
        Recent[member.PersonId] = member;
        recent.State.Version = Version + 1;
        _counts = counts;
        var admitted = new RosterAdmission(member, true, Counts(), Version);
        await Writes.Commit();
        return admitted;
    }

    public Task<IReadOnlyList<CampMember>> GetMembers() =>
        Task.FromResult<IReadOnlyList<CampMember>>(Roster.Members.Values.Concat(Recent.Values).OrderBy(m => m.JoinedAt).ToList());

    public async Task<RosterCounts> GetCounts()
    {
        await Writes.Settled(); // counts of admissions not yet stored could name people the roster may still lose
        return new RosterCounts(Counts(), Version);
    }

    public async Task AddInvite(InviteRecord record)
    {
        Roster.Invites[record.Summary.InviteId] = record;
        _fold.WholeChanged();
        await Writes.Commit();
    }

    public Task<InviteRecord?> GetInvite(Guid inviteId) => Task.FromResult(Roster.Invites.GetValueOrDefault(inviteId));

    public Task<IReadOnlyList<InviteRecord>> GetInvites() => Task.FromResult<IReadOnlyList<InviteRecord>>(Roster.Invites.Values.ToList());

    public async Task SetInvite(Guid inviteId, InviteSummary summary)
    {
        if (!Roster.Invites.TryGetValue(inviteId, out var record)) return;
        record.Summary = summary;
        _fold.WholeChanged();
        await Writes.Commit();
    }

    public async Task Import(IReadOnlyList<CampMember> members, IReadOnlyList<InviteRecord> invites)
    {
        foreach (var member in members)
            if (Find(member.PersonId) is null && Roster.Members.TryAdd(member.PersonId, member)) Roster.Version = Version + 1;
        foreach (var invite in invites) Roster.Invites.TryAdd(invite.Summary.InviteId, invite);
        _counts = null;
        _fold.WholeChanged();
        await Writes.Commit();
    }

    private CampMember? Find(Guid personId) =>
        Roster.Members.GetValueOrDefault(personId) ?? Recent.GetValueOrDefault(personId);

    /// <summary>Stores the recent members; or, once there are enough of them or the invites changed, the whole roster with them.</summary>
    private Task Write() => _fold.Write(Recent.Count, () =>
    {
        foreach (var (id, member) in Recent) Roster.Members[id] = member;
        Roster.Version = Version;
        Recent.Clear();
    });

    private MemberCounts Counts() => _counts ??= Count(Roster.Members.Values.Concat(Recent.Values));

    private static MemberCounts Count(IEnumerable<CampMember> members)
    {
        var byRole = members.GroupBy(m => m.Role).ToDictionary(g => g.Key, g => g.Count());
        return new MemberCounts(
            byRole.GetValueOrDefault(CampRole.Organizer),
            byRole.GetValueOrDefault(CampRole.Participant),
            byRole.GetValueOrDefault(CampRole.Mentor),
            byRole.GetValueOrDefault(CampRole.Judge));
    }

    private static MemberCounts Plus(MemberCounts counts, CampRole role) => role switch
    {
        CampRole.Organizer => counts with { Organizers = counts.Organizers + 1 },
        CampRole.Participant => counts with { Participants = counts.Participants + 1 },
        CampRole.Mentor => counts with { Mentors = counts.Mentors + 1 },
        CampRole.Judge => counts with { Judges = counts.Judges + 1 },
        _ => counts,
    };
}
