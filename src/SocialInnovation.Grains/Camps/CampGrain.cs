using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Live;
using SocialInnovation.Live;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Camps;

/// <summary>
/// One camp, and the owner of its stream <c>camp:&lt;campId&gt;</c>. Each command validates, changes
/// state, stores it, and only then publishes the event and answers: an acknowledged change is a stored
/// change, and phase changes are never seen before they are stored.
/// </summary>
/// <remarks>
/// Reentrant, so that commands arriving while a write is in flight are applied at once and stored
/// together by the next write (group commit in <see cref="StreamLog"/>): 50 people joining at once are
/// a few writes, not 50 in a row. Every command therefore checks and changes state with no
/// <c>await</c> in between, and awaits only <see cref="StreamLog.Commit"/> (or another grain) after.
/// </remarks>
[Orleans.Concurrency.Reentrant]
public sealed partial class CampGrain(
    [PersistentState("camp", StorageNames.Rows)] IPersistentState<CampState> state,
    TimeProvider clock) : Grain, ICampGrain
{
    /// <summary>Events kept for catching up; a client further behind reloads the snapshot.</summary>
    public const int KeptEvents = 200;

    private StreamLog _log = null!;

    private CampState Camp => state.State;

    private Guid CampId => this.GetPrimaryKey();

    private ICampRosterGrain Roster => GrainFactory.GetGrain<ICampRosterGrain>(CampId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _log = new StreamLog(CampStreams.For(CampId), Camp.Log, () => state.WriteStateAsync(), DeactivateOnIdle,
            this, clock, new StreamLogOptions(KeptEvents));
        if (Camp.Members.Count > 0 || Camp.Invites.Count > 0) await MoveRosterOut();
        else if (Camp.Exists) await CatchUpCounts();
    }

    /// <summary>
    /// A join is acknowledged once the roster stored it, before the camp stored its new counts
    /// (<see cref="AdmitMember"/>): if that write was lost (a crash, a failed write), the roster's
    /// counts are newer, and this activation starts from them.
    /// </summary>
    private async Task CatchUpCounts()
    {
        var roster = await Roster.GetCounts();
        if (roster.Version <= Camp.RosterVersion) return;
        Camp.Counts = roster.Counts;
        Camp.RosterVersion = roster.Version;
    }

    /// <summary>A camp stored before its roster had a grain of its own: move roster and invites there, keep the counts.</summary>
    private async Task MoveRosterOut()
    {
        await Roster.Import(Camp.Members.Values.ToList(), Camp.Invites.Values.ToList());
        Camp.Counts = CountsOf(Camp.Members.Values);
        Camp.Members.Clear();
        Camp.Invites.Clear();
        await _log.Commit();
    }

    public async Task<Outcome<CampSnapshot>> Create(CreateCamp command, Guid organizerId, string organizerName)
    {
        if (CommandCheck.Refusal(Shared<CreateCampValidator>.Validator, command) is { } invalid) return invalid;
        if (Camp.Exists)
        {
            if (Camp.CreatedBy != organizerId || Camp.CreatedWithKey != command.IdempotencyKey)
                return DomainError.Conflict("camp.exists", "A camp with this id already exists.");
            if (Fingerprint.Of(Camp.Details!) != Fingerprint.Of(command.Details))
                return DomainError.Conflict("idempotency.reused", "This idempotency key was already used to create a different camp.");
            await _log.Settled();
            return Snapshot();
        }

        var now = clock.GetUtcNow();
        // The organizer is on the roster before the camp exists (harmless if creating then fails).
        var organizer = await Roster.Admit(new CampMember(organizerId, organizerName, CampRole.Organizer, now), newcomersWelcome: true);
        if (Camp.Exists) return await Create(command, organizerId, organizerName); // a retry was applied meanwhile
        Camp.Counts = organizer.Counts;
        Camp.RosterVersion = organizer.Version;
        Camp.Details = command.Details;
        Camp.Phase = CampPhase.Draft;
        Camp.CreatedBy = organizerId;
        Camp.CreatedWithKey = command.IdempotencyKey;
        Camp.CreatedAt = now;
        Append(CampEventKind.Created, Current());
        await _log.Commit();
        return Snapshot();
    }

    public Task<CampSnapshot?> GetSnapshot() => Task.FromResult(Camp.Exists ? Snapshot() : null);

    /// <summary>How many phase changes the camp keeps (a real camp makes about ten; deploy/fault.sh checks its writes against this history and makes a few hundred).</summary>
    public const int HistoryKept = 1_000;

    public async Task<Outcome<CampSnapshot>> ChangePhase(ChangePhase command, string byName)
    {
        if (CommandCheck.Refusal(Shared<ChangePhaseValidator>.Validator, command) is { } invalid) return invalid;
        if (!Camp.Exists) return NotFound();
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed);

        if (Camp.Phase != command.From)
        {
            return DomainError.Conflict(
                "phase.stale",
                $"The camp is now in the {Camp.Phase} phase, not {command.From}: someone else changed it. Reload and try again.");
        }
        if (PhaseRules.Check(Camp.Phase, command.To) is { } refused) return refused;

        var change = new PhaseChangeRecord(Camp.Phase, command.To, byName, clock.GetUtcNow());
        Camp.Phase = command.To;
        Camp.History.Add(change);
        // The camp's state is one table row (TableGrainStorage, ~480,000 characters at most): keep the
        // recent changes only, so a camp moved back and forth thousands of times still stores.
        if (Camp.History.Count > HistoryKept) Camp.History.RemoveRange(0, Camp.History.Count - HistoryKept);
        Append(CampEventKind.PhaseChanged, Current() with { PhaseChange = change });
        _log.Remember(command.IdempotencyKey, command);
        await _log.Commit();
        return Snapshot();
    }

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamPosition? after) => Task.FromResult<Outcome<StreamCatchUp>>(
        Camp.Exists ? _log.CatchUp(after, Snapshot) : NotFound());

    /// <summary>The camp as it is, as the payload of the next event.</summary>
    private CampEvent Current() => new(Camp.Phase, PhaseRules.AllowedFrom(Camp.Phase), Counts());

    private void Append(CampEventKind kind, CampEvent payload) => _log.Append(kind.ToString(), payload);

    /// <summary>A retry answers as the first application did, once that is stored.</summary>
    private async Task<Outcome<CampSnapshot>> Replayed(Outcome<AppliedCommand> replayed)
    {
        if (replayed.Error is { } reused) return reused;
        await _log.Settled();
        return Snapshot();
    }

    private CampSnapshot Snapshot() => new(
        CampId, _log.Epoch, _log.Position.Seq, Camp.Details!, Camp.Phase, PhaseRules.AllowedFrom(Camp.Phase),
        Camp.History.ToList(), Camp.Teams.ToList(), Counts(), Camp.CreatedAt);

    private MemberCounts Counts() => Camp.Counts ?? MemberCounts.None;

    private static MemberCounts CountsOf(IEnumerable<CampMember> members)
    {
        var byRole = members.GroupBy(m => m.Role).ToDictionary(g => g.Key, g => g.Count());
        return new MemberCounts(
            byRole.GetValueOrDefault(CampRole.Organizer),
            byRole.GetValueOrDefault(CampRole.Participant),
            byRole.GetValueOrDefault(CampRole.Mentor),
            byRole.GetValueOrDefault(CampRole.Judge));
    }

    private static DomainError NotFound() => DomainError.UnknownCamp;

}
