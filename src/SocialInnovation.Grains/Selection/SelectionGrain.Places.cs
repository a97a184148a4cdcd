using SocialInnovation.Applications;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Selection;

namespace SocialInnovation.Grains.Selection;

/// <summary>Places, quotas, the waiting list and deadlines.</summary>
public sealed partial class SelectionGrain
{
    private const string Reminder = "deadlines";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private bool? _reminderOn;

    /// <summary>Places offered or confirmed: an offer holds its place until it is declined or expires.</summary>
    private int Taken() => Intake.Entries.Values.Count(HoldsPlace);

    private int TakenIn(string country) => Intake.Entries.Values.Count(e => HoldsPlace(e) && e.Application.Country == country);

    private static bool HoldsPlace(SelectionEntry e) => e.Status is ApplicationStatus.Accepted or ApplicationStatus.Confirmed;

    private int TakenIn(Quota quota) => Intake.Entries.Values.Count(e => HoldsPlace(e) && quota.Matches(e.Application));

    /// <summary>The quotas (countries' and other fields') an applicant counts toward.</summary>
    private IEnumerable<Quota> QuotasOf(ApplicationRow row) => Quota.All(Intake.Settings).Where(q => q.Matches(row));

    /// <summary>Why one more place for this applicant is not possible, or null.</summary>
    private DomainError? Refusal(int capacity, ApplicationRow row)
    {
        if (Taken() >= capacity)
            return DomainError.Conflict("selection.full", $"All {capacity} places are offered or taken; waitlist the applicant instead.");
        if (QuotasOf(row).FirstOrDefault(q => TakenIn(q) >= q.Max) is { } quota)
            return DomainError.Conflict("selection.quota", quota.Field == QuotaField.Country
                ? $"The quota for {quota.Value} allows at most {quota.Max} places, and they are offered or taken."
                : $"The quota for {quota.Field} \"{quota.Value}\" allows at most {quota.Max} places, and they are offered or taken.");
        return null;
    }

    /// <summary>Records a decision and queues its mail.</summary>
    private SelectionEntry Decided(SelectionEntry entry, DecisionKind decision, string? note)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? confirmBy = decision == DecisionKind.Accepted ? now.AddHours(Intake.Settings.ConfirmWithinHours) : null;
        entry = entry with
        {
            Status = decision switch
            {
                DecisionKind.Accepted => ApplicationStatus.Accepted,
                DecisionKind.Waitlisted => ApplicationStatus.Waitlisted,
                _ => ApplicationStatus.Rejected,
            },
            ConfirmBy = confirmBy,
            WaitlistedAt = decision == DecisionKind.Waitlisted ? entry.WaitlistedAt ?? now : entry.WaitlistedAt,
            Version = entry.Version + 1,
            Note = note,
        };
        Put(entry);
        Intake.Notices.Add(new DecisionNotice(Guid.NewGuid(), entry.Application.ApplicationId, new DecisionMail(decision, confirmBy)));
        return entry;
    }

    /// <summary>The applicant gives up their application or place; a place they held goes to the waiting list.</summary>
    private async Task<SelectionEntry> Release(SelectionEntry entry, ApplicationStatus status, string reason)
    {
        var heldPlace = HoldsPlace(entry);
        entry = entry with { Status = status, ConfirmBy = null, Version = entry.Version + 1, Note = null };
        Put(entry);
        if (heldPlace) await Promote(reason);
        await Store();
        await HandOverNotices();
        return entry;
    }

    /// <summary>
    /// Offers a freed place to the best waitlisted applicant who keeps the quotas valid (no quota they count
    /// toward is at its maximum): someone who counts toward a quota (a country's or another field's) still
    /// below its minimum first, then the highest mean score (unscored last), then who was waitlisted first,
    /// then who applied first.
    /// </summary>
    private async Task Promote(string reason)
    {
        var capacity = Capacity(await Camp());
        if (Taken() >= capacity) return;
        var next = Intake.Entries.Values
            .Where(e => e.Status == ApplicationStatus.Waitlisted)
            .Where(e => QuotasOf(e.Application).All(q => TakenIn(q) < q.Max))
            .OrderByDescending(e => QuotasOf(e.Application).Any(q => TakenIn(q) < q.Min))
            .ThenByDescending(e => e.Score.Mean ?? double.MinValue)
            .ThenBy(e => e.WaitlistedAt)
            .ThenBy(e => e.Application.SubmittedAt)
            .FirstOrDefault();
        if (next is not null) Decided(next, DecisionKind.Accepted, $"Offered from the waiting list: {reason}.");
    }

    /// <summary>Expires offers past their deadline, passing each place on; stores when anything changed.</summary>
    private async Task Tidy()
    {
        var now = clock.GetUtcNow();
        var overdue = Intake.Entries.Values.Where(e => e.Status == ApplicationStatus.Accepted && e.ConfirmBy <= now).ToList();
        foreach (var entry in overdue)
        {
            Put(entry with
            {
                Status = ApplicationStatus.Expired,
                Version = entry.Version + 1,
                Note = $"Did not confirm by {entry.ConfirmBy:yyyy-MM-dd HH:mm} UTC.",
            });
            await Promote($"{entry.Application.Name} did not confirm in time");
        }
        if (overdue.Count == 0) return;
        await Store();
        await HandOverNotices();
    }

    /// <summary>Hands queued decision mails to the applicants' grains; what fails stays queued for the reminder.</summary>
    private async Task HandOverNotices()
    {
        if (Intake.Notices.Count == 0) return;
        var handed = new List<DecisionNotice>();
        try
        {
            foreach (var notice in Intake.Notices)
            {
                await GrainFactory.GetGrain<IApplicationGrain>(notice.ApplicationId).Notify(notice.NotificationId, notice.Mail);
                handed.Add(notice);
            }
        }
        catch (Exception) when (handed.Count < Intake.Notices.Count)
        {
            // The decision itself is stored; its mail waits for the next call or the reminder.
        }
        if (handed.Count == 0) return;
        Intake.Notices.RemoveAll(handed.Contains);
        await Store();
    }

    /// <summary>
    /// Writes the state (and publishes the events it stores), and keeps the reminder on exactly while a
    /// deadline or a mail is pending. A failed write drops the activation (see <see cref="StreamLog"/>).
    /// </summary>
    private async Task Store()
    {
        await _log.Commit();
        var needed = Intake.Notices.Count > 0 || Intake.Entries.Values.Any(e => e.Status == ApplicationStatus.Accepted);
        if (_reminderOn == needed) return;
        if (needed) await this.RegisterOrUpdateReminder(Reminder, ReminderPeriod, ReminderPeriod);
        else if (await this.GetReminder(Reminder) is { } reminder) await this.UnregisterReminder(reminder);
        _reminderOn = needed;
    }
}
