using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Live;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Camps;

/// <summary>
/// One camp. Each command validates, changes state, stores it, and only then publishes the event and
/// answers: an acknowledged change is a stored change.
/// </summary>
public sealed partial class CampGrain(
    [PersistentState("camp", StorageNames.State)] IPersistentState<CampState> state,
    TimeProvider clock) : Grain, ICampGrain
{
    /// <summary>Events kept for catching up; a client further behind reloads the snapshot.</summary>
    public const int KeptEvents = 200;

    private CampState Camp => state.State;

    private Guid CampId => this.GetPrimaryKey();

    public async Task<Outcome<CampSnapshot>> Create(CreateCamp command, Guid organizerId, string organizerName)
    {
        if (Validate(new CreateCampValidator(), command) is { } invalid) return invalid;
        if (Camp.Exists)
        {
            if (Camp.CreatedBy != organizerId || Camp.CreatedWithKey != command.IdempotencyKey)
                return DomainError.Conflict("camp.exists", "A camp with this id already exists.");
            return Fingerprint(Camp.Details!) == Fingerprint(command.Details)
                ? Snapshot()
                : DomainError.Conflict("idempotency.reused", "This idempotency key was already used to create a different camp.");
        }

        var now = clock.GetUtcNow();
        Camp.Details = command.Details;
        Camp.Phase = CampPhase.Draft;
        Camp.CreatedBy = organizerId;
        Camp.CreatedWithKey = command.IdempotencyKey;
        Camp.CreatedAt = now;
        Camp.Members[organizerId] = new CampMember(organizerId, organizerName, CampRole.Organizer, now);
        await Commit(NewEvent(CampEventKind.Created));
        return Snapshot();
    }

    public Task<CampSnapshot?> GetSnapshot() => Task.FromResult(Camp.Exists ? Snapshot() : null);

    public async Task<Outcome<CampSnapshot>> ChangePhase(ChangePhase command, string byName)
    {
        if (Validate(new ChangePhaseValidator(), command) is { } invalid) return invalid;
        if (!Camp.Exists) return NotFound();

        var fingerprint = $"phase:{command.From}->{command.To}";
        if (Replay(command.IdempotencyKey, fingerprint) is { } replayed)
            return replayed.Error is null ? Snapshot() : replayed.Error;

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
        var campEvent = NewEvent(CampEventKind.PhaseChanged) with { PhaseChange = change };
        Camp.Applied.Remember(command.IdempotencyKey, fingerprint, campEvent.Seq);
        await Commit(campEvent);
        return Snapshot();
    }

    public Task<Outcome<CampCatchUp>> GetEventsAfter(long? afterSeq)
    {
        if (!Camp.Exists) return Task.FromResult<Outcome<CampCatchUp>>(NotFound());

        var oldestKept = Camp.RecentEvents.Count > 0 ? Camp.RecentEvents[0].Seq : Camp.Seq + 1;
        // A client ahead of us saw something that was never stored (or belongs to another camp
        // incarnation): the snapshot corrects it.
        var canReplay = afterSeq is { } after && after >= oldestKept - 1 && after <= Camp.Seq;
        var catchUp = canReplay
            ? new CampCatchUp(Camp.Seq, Camp.RecentEvents.Where(e => e.Seq > afterSeq).ToList(), null)
            : new CampCatchUp(Camp.Seq, [], Snapshot());
        return Task.FromResult(Outcome<CampCatchUp>.Ok(catchUp));
    }

    /// <summary>Numbers the next event; <see cref="Commit"/> makes it the camp's latest.</summary>
    private CampEvent NewEvent(CampEventKind kind) => new(
        CampId, Camp.Seq + 1, clock.GetUtcNow(), kind, Camp.Phase, PhaseRules.AllowedFrom(Camp.Phase), Counts());

    /// <summary>Stores the changed state with its event, then hands the event to the notifier.</summary>
    private async Task Commit(CampEvent campEvent)
    {
        Camp.Seq = campEvent.Seq;
        Camp.RecentEvents.Add(campEvent);
        if (Camp.RecentEvents.Count > KeptEvents) Camp.RecentEvents.RemoveRange(0, Camp.RecentEvents.Count - KeptEvents);
        await Store();
        // One-way: returns at once, so no browser and no web node can slow this grain down.
        _ = GrainFactory.GetGrain<ILiveNotifierGrain>(0).Publish(campEvent);
    }

    /// <summary>The earlier answer when this key was already applied; a refusal when it was used for something else.</summary>
    private Outcome<bool>? Replay(string key, string fingerprint) => Camp.Applied.Find(key) switch
    {
        null => null,
        { Fingerprint: var f } when f == fingerprint => Outcome<bool>.Ok(true),
        _ => DomainError.Conflict("idempotency.reused", "This idempotency key was already used for a different request."),
    };

    private CampSnapshot Snapshot() => new(
        CampId, Camp.Seq, Camp.Details!, Camp.Phase, PhaseRules.AllowedFrom(Camp.Phase),
        Camp.History.ToList(), Camp.Teams.ToList(), Counts(), Camp.CreatedAt);

    private MemberCounts Counts()
    {
        var byRole = Camp.Members.Values.GroupBy(m => m.Role).ToDictionary(g => g.Key, g => g.Count());
        return new MemberCounts(
            byRole.GetValueOrDefault(CampRole.Organizer),
            byRole.GetValueOrDefault(CampRole.Participant),
            byRole.GetValueOrDefault(CampRole.Mentor),
            byRole.GetValueOrDefault(CampRole.Judge));
    }

    /// <summary>What a create asked for, compared by value (the lists inside records compare by reference).</summary>
    private static string Fingerprint(CampDetails d) => string.Join("|",
        d.Name, d.Location, d.StartsOn, d.EndsOn, d.Capacity,
        string.Join(",", d.Countries), string.Join(",", d.Languages), string.Join(",", d.Themes));

    private static DomainError NotFound() => DomainError.UnknownCamp;

    private static DomainError? Validate<T>(FluentValidation.IValidator<T> validator, T command)
    {
        if (command is null) return new DomainError(ErrorKind.Invalid, "validation", "The request is empty.");
        var result = validator.Validate(command);
        return result.IsValid ? null : DomainError.Invalid(result);
    }
}
