using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Live;
using SocialInnovation.Live;
using SocialInnovation.Selection;

namespace SocialInnovation.Grains.Selection;

/// <summary>
/// A camp's intake: the listing row of each application and the decisions on them. It calls the camp
/// (for capacity and phase) and application grains (to mail decisions); neither calls it, so they never
/// wait on each other. Deadlines are checked at every call and by a reminder while offers are open.
/// Every change of an entry or of the settings is an event of the <c>selection:&lt;camp&gt;</c> stream,
/// published once stored, so every organizer and reviewer with the page open sees it without reloading.
/// </summary>
public sealed partial class SelectionGrain(
    [PersistentState("selection", StorageNames.State)] IPersistentState<SelectionState> state,
    TimeProvider clock) : Grain, ISelectionGrain, IRemindable
{
    public const string StreamKind = "selection";

    private StreamLog _log = null!;

    private SelectionState Intake => state.State;

    private Guid CampId => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Settings stored before field quotas existed read them as null.
        if (Intake.Settings.FieldQuotas is null) Intake.Settings = Intake.Settings with { FieldQuotas = [] };
        _log = new StreamLog(new StreamId(StreamKind, CampId), Intake.Log, () => state.WriteStateAsync(), DeactivateOnIdle, this, clock);
        return Task.CompletedTask;
    }

    public async Task<Outcome<SelectionEntry>> Record(ApplicationRow row)
    {
        if (row.CampId != CampId) return DomainError.NotFound("application.unknown", "This application belongs to another camp.");
        await Tidy();
        if (Intake.Entries.TryGetValue(row.ApplicationId, out var entry))
        {
            // An older revision arriving late (a retry) changes nothing.
            if (row.Revision <= entry.Application.Revision) return entry;
            var status = entry.Status == ApplicationStatus.Withdrawn ? ApplicationStatus.Submitted : entry.Status;
            entry = entry with { Application = row, Status = status, Version = entry.Version + 1 };
        }
        else
        {
            entry = new SelectionEntry(row, ApplicationStatus.Submitted, ScoreSummary.None, 1, null, null, null);
        }
        Put(entry);
        await Store();
        return entry;
    }

    public async Task<Outcome<SelectionEntry>> RecordScore(Guid applicationId, ScoreSummary score)
    {
        if (!Intake.Entries.TryGetValue(applicationId, out var entry)) return UnknownApplication();
        if (entry.Score == score) return entry;
        entry = entry with { Score = score, Version = entry.Version + 1 };
        Put(entry);
        await Store();
        return entry;
    }

    public Task<SelectionSettings> GetSettings() => Task.FromResult(Intake.Settings);

    public async Task<Outcome<SelectionSettings>> Configure(ConfigureSelection command)
    {
        var result = Shared<ConfigureSelectionValidator>.Validator.Validate(command);
        if (!result.IsValid) return DomainError.Invalid(result);
        var fieldQuotas = (command.FieldQuotas ?? []).Select(q => q with { Value = Quota.Normalize(q.Value) }).ToList();
        var fingerprint = $"configure:{command.BasedOnVersion}:{Secrets.Hash(command.PrivacyText)}:{command.ConfirmWithinHours}:{command.Capacity}:" +
                          string.Join(",", command.Quotas.Select(q => $"{q.Country}={q.Min}-{q.Max}")) + ":" +
                          Secrets.Hash(string.Join(",", fieldQuotas.Select(q => $"{q.Field}/{q.Value}={q.Min}-{q.Max}")));
        if (Replay(command.IdempotencyKey, fingerprint) is { } replayed) return replayed.Error is null ? Intake.Settings : replayed.Error;
        if (command.BasedOnVersion != Intake.Settings.Version)
            return DomainError.Conflict("selection.stale", "Someone else changed the intake settings meanwhile. Reload and try again.");
        if (command.Capacity is { } places && places < Taken())
            return DomainError.Conflict("selection.capacity",
                $"{Taken()} places are already offered or confirmed; the capacity cannot be lower. Reject or wait for declines first.");

        Intake.Settings = new SelectionSettings(command.PrivacyText, command.ConfirmWithinHours, command.Quotas.ToList(),
            Intake.Settings.Version + 1, fieldQuotas, command.Capacity);
        _log.Append("settings", Intake.Settings);
        Intake.Applied.Remember(command.IdempotencyKey, fingerprint, Intake.Settings.Version);
        await Store();
        return Intake.Settings;
    }

    public async Task<SelectionOverview> GetOverview()
    {
        await Tidy();
        var capacity = Capacity(await Camp());
        var byCountry = Intake.Entries.Values.GroupBy(e => e.Application.Country)
            .Select(g => g.Key).Union(Intake.Settings.Quotas.Select(q => q.Country)).Order()
            .Select(c =>
            {
                var quota = Intake.Settings.Quotas.FirstOrDefault(q => q.Country == c);
                return new CountryCount(c, Intake.Entries.Values.Count(e => e.Application.Country == c), TakenIn(c), quota?.Min, quota?.Max);
            }).ToList();
        var byStatus = Enum.GetValues<ApplicationStatus>().ToDictionary(s => s, s => Intake.Entries.Values.Count(e => e.Status == s));
        var byField = Quota.All(Intake.Settings).Where(q => q.Field != QuotaField.Country)
            .Select(q => new FieldQuotaCount(q.Field, q.Value, Intake.Entries.Values.Count(e => q.Matches(e.Application)), TakenIn(q), q.Min, q.Max))
            .ToList();
        return new SelectionOverview(capacity, Taken(), Intake.Settings, byCountry, byStatus, byField);
    }

    public async Task<IReadOnlyList<SelectionEntry>> List(SelectionFilter filter)
    {
        await Tidy();
        return Intake.Entries.Values
            .Where(e => filter.Country is null || e.Application.Country == filter.Country)
            .Where(e => filter.Status is null || e.Status == filter.Status)
            .Where(e => filter.Skill is null || e.Application.Skills.Contains(filter.Skill, StringComparer.OrdinalIgnoreCase))
            .Where(e => filter.MinScore is null || e.Score.Mean >= filter.MinScore)
            .OrderBy(e => e.Application.SubmittedAt)
            .ToList();
    }

    public async Task<SelectionEntry?> Get(Guid applicationId)
    {
        await Tidy();
        return Intake.Entries.GetValueOrDefault(applicationId);
    }

    public async Task<Outcome<SelectionEntry>> Decide(Decide command)
    {
        var result = Shared<DecideValidator>.Validator.Validate(command);
        if (!result.IsValid) return DomainError.Invalid(result);
        await Tidy();
        var fingerprint = $"decide:{command.ApplicationId}:{command.Decision}:{command.BasedOnVersion}";
        if (Replay(command.IdempotencyKey, fingerprint) is { } replayed)
            return replayed.Error is null ? Intake.Entries[command.ApplicationId] : replayed.Error;
        if (await Camp() is not { } camp) return DomainError.UnknownCamp;
        var decided = Apply(camp, new DecisionItem(command.ApplicationId, command.Decision, command.BasedOnVersion));
        if (decided.Error is not null) return decided;
        Intake.Applied.Remember(command.IdempotencyKey, fingerprint, decided.Value!.Version);
        await Store();
        await HandOverNotices();
        return decided;
    }

    public async Task<Outcome<DecidedMany>> DecideMany(DecideMany command)
    {
        var result = Shared<DecideManyValidator>.Validator.Validate(command);
        if (!result.IsValid) return DomainError.Invalid(result);
        await Tidy();
        var fingerprint = "decide-many:" + Secrets.Hash(string.Join(",", command.Decisions.Select(d => $"{d.ApplicationId:N}={d.Decision}@{d.BasedOnVersion}")));
        if (Replay(command.IdempotencyKey, fingerprint) is { } replayed)
            // A retried batch answers with the entries as they are now; its refusals were answered the first time.
        {
            if (replayed.Error is { } error) return error;
            return new DecidedMany(command.Decisions.Select(d => Intake.Entries.GetValueOrDefault(d.ApplicationId)).OfType<SelectionEntry>().ToList(), []);
        }
        if (await Camp() is not { } camp) return DomainError.UnknownCamp;
        if (camp.Phase != CampPhase.Selection) return Closed(camp.Phase);

        var decided = new List<SelectionEntry>();
        var refused = new List<RefusedDecision>();
        foreach (var item in command.Decisions)
        {
            var outcome = Apply(camp, item);
            if (outcome.Error is { } error)
                refused.Add(new RefusedDecision(item.ApplicationId, Intake.Entries.GetValueOrDefault(item.ApplicationId)?.Application.Name ?? "", error.Code, error.Detail));
            else decided.Add(outcome.Value!);
        }
        Intake.Applied.Remember(command.IdempotencyKey, fingerprint, decided.Count);
        await Store();
        await HandOverNotices();
        return new DecidedMany(decided, refused);
    }

    /// <summary>One decision's checks and change, unstored: a single decision and a batch share it.</summary>
    private Outcome<SelectionEntry> Apply(CampSnapshot camp, DecisionItem item)
    {
        if (!Intake.Entries.TryGetValue(item.ApplicationId, out var entry)) return UnknownApplication();
        if (camp.Phase != CampPhase.Selection) return Closed(camp.Phase);
        if (entry.Version != item.BasedOnVersion)
            return DomainError.Conflict("selection.stale", $"{entry.Application.Name}'s application changed meanwhile. Reload and decide again.");
        if (entry.Status is ApplicationStatus.Withdrawn or ApplicationStatus.Confirmed or ApplicationStatus.Declined)
            return DomainError.Conflict("selection.final", $"{entry.Application.Name} has {entry.Status.ToString().ToLowerInvariant()}; the decision is theirs.");
        if (item.Decision == DecisionKind.Accepted && entry.Status != ApplicationStatus.Accepted
            && Refusal(Capacity(camp), entry.Application) is { } full)
            return full;
        return Decided(entry, item.Decision, null);
    }

    public async Task<SelectionSuggestion> Suggest(int waitlistSize)
    {
        await Tidy();
        var capacity = Capacity(await Camp());
        return SelectionPlanner.Suggest(Intake.Entries.Values, capacity, Intake.Settings, Math.Clamp(waitlistSize, 0, 1000));
    }

    private static DomainError Closed(CampPhase phase) =>
        DomainError.Conflict("selection.closed", $"Decisions are made in the Selection phase; the camp is in the {phase} phase.");

    public async Task<Outcome<SelectionEntry>> Withdraw(Guid applicationId, string idempotencyKey)
    {
        await Tidy();
        if (!Intake.Entries.TryGetValue(applicationId, out var entry)) return UnknownApplication();
        if (entry.Status == ApplicationStatus.Withdrawn) return entry;
        if (entry.Status == ApplicationStatus.Confirmed)
            return DomainError.Conflict("selection.confirmed", "You have confirmed your place; ask the organizers to give it up.");
        return await Release(entry, ApplicationStatus.Withdrawn, $"{entry.Application.Name} withdrew");
    }

    public async Task<Outcome<SelectionEntry>> Confirm(Guid applicationId)
    {
        await Tidy();
        if (!Intake.Entries.TryGetValue(applicationId, out var entry)) return UnknownApplication();
        switch (entry.Status)
        {
            case ApplicationStatus.Confirmed:
                return entry;
            case ApplicationStatus.Accepted:
                entry = entry with { Status = ApplicationStatus.Confirmed, Version = entry.Version + 1, Note = null };
                Put(entry);
                await Store();
                return entry;
            case ApplicationStatus.Expired:
                return DomainError.Gone("selection.offer-expired", "The time to confirm this place has passed; it went to the waiting list.");
            default:
                return DomainError.Conflict("selection.no-offer", "There is no place offered to this application to confirm.");
        }
    }

    public async Task<Outcome<SelectionEntry>> Decline(Guid applicationId, string idempotencyKey)
    {
        await Tidy();
        if (!Intake.Entries.TryGetValue(applicationId, out var entry)) return UnknownApplication();
        return entry.Status switch
        {
            ApplicationStatus.Declined => entry,
            ApplicationStatus.Accepted or ApplicationStatus.Waitlisted => await Release(entry, ApplicationStatus.Declined, $"{entry.Application.Name} declined"),
            ApplicationStatus.Confirmed => DomainError.Conflict("selection.confirmed", "You have confirmed your place; ask the organizers to give it up."),
            _ => DomainError.Conflict("selection.no-offer", "There is no place offered to this application to decline."),
        };
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await Tidy();
        await HandOverNotices();
    }

    public async Task<Outcome<StreamCatchUp>> CatchUp(StreamPosition? after)
    {
        await Tidy();
        return _log.CatchUp(after, () => new SelectionLive(CampId, Intake.Entries.Values.OrderBy(e => e.Application.SubmittedAt).ToList(), Intake.Settings));
    }

    /// <summary>Keeps a changed entry and makes it the stream's next event (published with the write that stores it).</summary>
    private void Put(SelectionEntry entry)
    {
        Intake.Entries[entry.Application.ApplicationId] = entry;
        _log.Append("entry", entry);
    }

    private Outcome<bool>? Replay(string key, string fingerprint) => Intake.Applied.Find(key) switch
    {
        null => null,
        { Fingerprint: var f } when f == fingerprint => Outcome<bool>.Ok(true),
        _ => DomainError.Conflict("idempotency.reused", "This idempotency key was already used for a different request."),
    };

    /// <summary>The places to fill: the settings' capacity when the organizers set one, else the camp's.</summary>
    private int Capacity(CampSnapshot? camp) => Intake.Settings.Capacity ?? camp?.Details.Capacity ?? 0;

    private async Task<CampSnapshot?> Camp() => await GrainFactory.GetGrain<ICampGrain>(CampId).GetSnapshot();

    private static DomainError UnknownApplication() => DomainError.NotFound("application.unknown", "This camp has no such application.");
}
