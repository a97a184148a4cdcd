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

/// <summary>Reentrant with group commit: 64 people joining at once are a few writes, each answered once stored.</summary>
[Orleans.Concurrency.Reentrant]
public sealed class CampRosterGrain(
    [PersistentState("roster", StorageNames.State)] IPersistentState<CampRosterState> state) : Grain, ICampRosterGrain
{
    private GroupCommit? _commit;

    private CampRosterState Roster => state.State;

    private GroupCommit Writes => _commit ??= new GroupCommit(() => state.WriteStateAsync(), _ => DeactivateOnIdle());

    public async Task<RosterAdmission> Admit(CampMember member, bool newcomersWelcome)
    {
        if (Roster.Members.TryGetValue(member.PersonId, out var existing))
        {
            await Writes.Settled(); // a retry: the first admission's write may still be in flight
            return new RosterAdmission(existing, false, Counts(), Roster.Version);
        }
        if (!newcomersWelcome) return new RosterAdmission(null, false, Counts(), Roster.Version);
        Roster.Members[member.PersonId] = member;
        Roster.Version++;
        var admitted = new RosterAdmission(member, true, Counts(), Roster.Version);
        await Writes.Commit();
        return admitted;
    }

    public Task<IReadOnlyList<CampMember>> GetMembers() =>
        Task.FromResult<IReadOnlyList<CampMember>>(Roster.Members.Values.OrderBy(m => m.JoinedAt).ToList());

    public async Task<RosterCounts> GetCounts()
    {
        await Writes.Settled(); // counts of admissions not yet stored could name people the roster may still lose
        return new RosterCounts(Counts(), Roster.Version);
    }

    public async Task AddInvite(InviteRecord record)
    {
        Roster.Invites[record.Summary.InviteId] = record;
        await Writes.Commit();
    }

    public Task<InviteRecord?> GetInvite(Guid inviteId) => Task.FromResult(Roster.Invites.GetValueOrDefault(inviteId));

    public Task<IReadOnlyList<InviteRecord>> GetInvites() => Task.FromResult<IReadOnlyList<InviteRecord>>(Roster.Invites.Values.ToList());

    public async Task SetInvite(Guid inviteId, InviteSummary summary)
    {
        if (!Roster.Invites.TryGetValue(inviteId, out var record)) return;
        record.Summary = summary;
        await Writes.Commit();
    }

    public async Task Import(IReadOnlyList<CampMember> members, IReadOnlyList<InviteRecord> invites)
    {
        foreach (var member in members)
            if (Roster.Members.TryAdd(member.PersonId, member)) Roster.Version++;
        foreach (var invite in invites) Roster.Invites.TryAdd(invite.Summary.InviteId, invite);
        await Writes.Commit();
    }

    private MemberCounts Counts()
    {
        var byRole = Roster.Members.Values.GroupBy(m => m.Role).ToDictionary(g => g.Key, g => g.Count());
        return new MemberCounts(
            byRole.GetValueOrDefault(CampRole.Organizer),
            byRole.GetValueOrDefault(CampRole.Participant),
            byRole.GetValueOrDefault(CampRole.Mentor),
            byRole.GetValueOrDefault(CampRole.Judge));
    }
}
