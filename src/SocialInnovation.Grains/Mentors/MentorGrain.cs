using FluentValidation;
using Orleans.Concurrency;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Live;
using SocialInnovation.Live;
using SocialInnovation.Mentors;

namespace SocialInnovation.Grains.Mentors;

/// <summary>
/// A mentor's calendar. Reentrant for group commit, but every check and its change happen without an
/// <c>await</c> in between, so two bookings of one slot are decided one after the other: the second
/// sees the first's team and is refused.
/// </summary>
[Reentrant]
public sealed class MentorGrain(
    [PersistentState("mentor", StorageNames.State)] IPersistentState<MentorState> state,
    TimeProvider clock) : Grain, IMentorGrain, IRemindable
{
    public const string StreamKind = "mentor";
    private const string NoticeReminder = "starts-soon";
    private StreamLog _log = null!;
    private MentorState Mentor => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (campId, personId) = MentorKeys.Parse(this.GetPrimaryKeyString());
        _log = new StreamLog(new StreamId(StreamKind, campId, personId.ToString("N")), Mentor.Log,
            () => state.WriteStateAsync(), DeactivateOnIdle, this, clock);
        return Task.CompletedTask;
    }

    public async Task<Outcome<MentorCalendar>> SaveProfile(Guid campId, Guid personId, string name, SaveMentorProfile command)
    {
        if (CommandCheck.Refusal(Shared<SaveMentorProfileValidator>.Validator, command) is { } invalid) return invalid;
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed);
        if (command.BasedOnVersion != Mentor.Version) return Stale();

        Mentor.Profile = new MentorProfile(personId, campId, name, MentorTags.Normalize(command.Tags),
            command.Languages.Distinct().ToList(), command.Bio.Trim(), command.Availability.Trim());
        await Changed("ProfileSaved", null, command.IdempotencyKey, command);
        // After the calendar is stored: the camp's list is a copy, and saving again refreshes it.
        await GrainFactory.GetGrain<IMentorshipGrain>(campId).ListMentor(Mentor.Profile);
        return Calendar();
    }

    public async Task<Outcome<MentorCalendar>> PublishSlot(PublishSlot command)
    {
        if (CommandCheck.Refusal(Shared<PublishSlotValidator>.Validator, command) is { } invalid) return invalid;
        if (Mentor.Profile is null) return NoProfile();
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed);
        var end = command.Start.AddMinutes(command.Minutes);
        if (command.Start < clock.GetUtcNow())
            return DomainError.Conflict("slot.past", "A slot must start in the future.");
        if (Mentor.Slots.Any(s => s.Start < end && command.Start < s.Start.AddMinutes(s.Minutes)))
            return DomainError.Conflict("slot.overlap", "This slot overlaps one you already published.");

        var slotId = Guid.NewGuid();
        Mentor.Slots.Add(new OfficeHourSlot(slotId, command.Start, command.Minutes, null, null, null));
        Mentor.Slots.Sort((a, b) => a.Start.CompareTo(b.Start));
        await Changed("SlotPublished", slotId, command.IdempotencyKey, command);
        return Calendar();
    }

    public async Task<Outcome<MentorCalendar>> RemoveSlot(Guid slotId, string idempotencyKey)
    {
        var command = new RemoveSlot(slotId, idempotencyKey);
        if (CommandCheck.Refusal(Shared<RemoveSlotValidator>.Validator, command) is { } invalid) return invalid;
        if (_log.Replay(idempotencyKey, command) is { } replayed) return await Replayed(replayed);
        if (Mentor.Slots.Find(s => s.SlotId == slotId) is not { } slot) return UnknownSlot();
        if (slot.TeamId is not null) return DomainError.Conflict("slot.booked", $"{slot.TeamName} booked this slot; ask them before removing it.");

        Mentor.Slots.Remove(slot);
        await Changed("SlotRemoved", slotId, idempotencyKey, command);
        return Calendar();
    }

    public async Task<Outcome<MentorCalendar>> Book(Guid teamId, string teamName, BookSlot command)
    {
        if (CommandCheck.Refusal(Shared<BookSlotValidator>.Validator, command) is { } invalid) return invalid;
        if (Mentor.Profile is null) return NoProfile();
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed);
        if (DecideBooking(teamId, command.SlotId) is not { } slot) return Calendar();
        if (slot.Error is { } refused) return refused;

        // The mentor–team record is kept BEFORE the booking is stored: judging recuses mentors by these
        // records, so a booking must never exist without one. If storing the booking then fails, the record
        // stays (a recusal too many is safe; one too few is not) and the team's retry finds it already kept.
        await GrainFactory.GetGrain<IMentorshipGrain>(Mentor.Profile.CampId).Record(new MentorTeamRecord(
            Mentor.Profile.PersonId, Mentor.Profile.Name, teamId, teamName, MentorContact.SlotBooked, command.SlotId, clock.GetUtcNow()));
        // Other calls ran while the record was written: decide again, without awaiting before the change.
        if (_log.Replay(command.IdempotencyKey, command) is { } again) return await Replayed(again);
        if (DecideBooking(teamId, command.SlotId) is not { } decided) return Calendar();
        if (decided.Error is { } late) return late;

        var index = decided.Value;
        Mentor.Slots[index] = Mentor.Slots[index] with { TeamId = teamId, TeamName = teamName, BookedAt = clock.GetUtcNow() };
        await Changed("SlotBooked", command.SlotId, command.IdempotencyKey, command);
        // A slot that starts within ten minutes gets its notice now; a later one, from the reminder.
        await SendDueNotices();
        return Calendar();
    }

    /// <summary>The index of the free slot to book, a refusal, or null when this team has it already.</summary>
    private Outcome<int>? DecideBooking(Guid teamId, Guid slotId)
    {
        var index = Mentor.Slots.FindIndex(s => s.SlotId == slotId);
        if (index < 0) return UnknownSlot();
        var slot = Mentor.Slots[index];
        if (slot.TeamId == teamId) return null;
        if (slot.TeamId is not null) return DomainError.Conflict("slot.taken", "Another team booked this slot a moment ago. Choose another one.");
        // From its end on a slot is history: nobody can meet in it any more.
        if (slot.Start.AddMinutes(slot.Minutes) <= clock.GetUtcNow()) return DomainError.Conflict("slot.past", "This slot has already ended. Choose one that has not.");
        return index;
    }

    public async Task<Outcome<MentorCalendar>> CancelBooking(Guid teamId, CancelBooking command)
    {
        if (CommandCheck.Refusal(Shared<CancelBookingValidator>.Validator, command) is { } invalid) return invalid;
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed);
        var index = Mentor.Slots.FindIndex(s => s.SlotId == command.SlotId);
        if (index < 0) return UnknownSlot();
        if (Mentor.Slots[index].TeamId != teamId)
            return DomainError.Conflict("slot.not-yours", "Your team has not booked this slot.");

        Mentor.Slots[index] = Mentor.Slots[index] with { TeamId = null, TeamName = null, BookedAt = null };
        var noticed = Mentor.Notices.RemoveAll(n => n.SlotId == command.SlotId) > 0;
        await Changed("BookingCancelled", command.SlotId, command.IdempotencyKey, command);
        if (noticed) await GrainFactory.GetGrain<ITeamMentoringGrain>(teamId).WithdrawNotice(command.SlotId);
        await Schedule();
        return Calendar();
    }

    public Task<MentorCalendar?> GetCalendar() => Task.FromResult(Mentor.Profile is null ? null : Calendar());

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamPosition? after) => Task.FromResult<Outcome<StreamCatchUp>>(
        Mentor.Profile is null ? NoProfile() : _log.CatchUp(after, Calendar));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == NoticeReminder) await SendDueNotices();
    }

    public Task CheckNotices() => SendDueNotices();

    /// <summary>
    /// Sends the "starts soon" notice of every booked slot that starts within ten minutes (or has begun
    /// and not ended) and has none yet: to the team's stream first (idempotent per slot, so a retry after
    /// a failure sends nothing twice), then the mentor's own; then sets the reminder for the next one.
    /// Each slot is marked before the first <c>await</c>, so two turns of this reentrant grain never send
    /// one notice twice.
    /// </summary>
    private async Task SendDueNotices()
    {
        if (Mentor.Profile is not { } profile) return;
        var now = clock.GetUtcNow();
        Mentor.Notices.RemoveAll(n => n.End <= now);
        var due = Mentor.Slots.Where(s => s.TeamId is not null && s.Start - StartsSoonNotice.Ahead <= now && s.Start.AddMinutes(s.Minutes) > now
                && Mentor.Notices.All(n => n.SlotId != s.SlotId))
            .Select(s => new StartsSoonNotice(s.SlotId, s.Start, s.Minutes, profile.PersonId, profile.Name, s.TeamId!.Value, s.TeamName ?? ""))
            .ToList();
        Mentor.Notices.AddRange(due);
        var sent = new List<StartsSoonNotice>();
        foreach (var notice in due)
        {
            try
            {
                await GrainFactory.GetGrain<ITeamMentoringGrain>(notice.TeamId).Notice(profile.CampId, notice);
                sent.Add(notice);
            }
            catch (Exception) when (Mentor.Notices.Remove(notice))
            {
                // Not sent: unmarked, so the next tick of the reminder tries again.
            }
        }
        if (sent.Count > 0)
        {
            // Not a change of the calendar's version: a profile form open meanwhile stays current.
            _log.Append("StartsSoon", new MentorCalendarChanged("StartsSoon", sent[0].SlotId, Calendar(_log.Position.Seq + 1)));
            await _log.Commit();
        }
        await Schedule();
    }

    /// <summary>
    /// Sets the reminder for the next notice due (ten minutes before the next booked slot without one), or
    /// removes it when none is. A reminder is stored, so the notice goes out while nobody has the app open
    /// and after the grain was deactivated; it ticks every minute until it is set again.
    /// </summary>
    private async Task Schedule()
    {
        var now = clock.GetUtcNow();
        var next = Mentor.Slots.Where(s => s.TeamId is not null && s.Start.AddMinutes(s.Minutes) > now && Mentor.Notices.All(n => n.SlotId != s.SlotId))
            .Select(s => (DateTimeOffset?)(s.Start - StartsSoonNotice.Ahead)).Min();
        if (next is null)
        {
            if (await this.GetReminder(NoticeReminder) is { } reminder) await this.UnregisterReminder(reminder);
            return;
        }
        var dueIn = next.Value - now;
        await this.RegisterOrUpdateReminder(NoticeReminder, dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn, TimeSpan.FromMinutes(1));
    }

    /// <summary>Counts the change, appends its event and stores it with the command's key (group commit).</summary>
    private Task Changed<TCommand>(string what, Guid? slotId, string key, TCommand command)
    {
        Mentor.Version++;
        _log.Append(what, new MentorCalendarChanged(what, slotId, Calendar(_log.Position.Seq + 1)));
        _log.Remember(key, command);
        return _log.Commit();
    }

    private MentorCalendar Calendar() => Calendar(_log.Position.Seq);

    private MentorCalendar Calendar(long seq) => new(Mentor.Profile!, Mentor.Slots.ToList(), Mentor.Version, _log.Epoch, seq,
        Mentor.Notices.Where(n => n.End > clock.GetUtcNow()).ToList());

    private async Task<Outcome<MentorCalendar>> Replayed(Outcome<AppliedCommand> replayed)
    {
        if (replayed.Error is { } reused) return reused;
        await _log.Settled();
        return Calendar();
    }


    private DomainError Stale() => DomainError.Conflict("mentor.stale",
        $"Your profile changed elsewhere (now version {Mentor.Version}). Reload and try again.");

    private static DomainError NoProfile() => DomainError.NotFound("mentor.unknown", "This mentor has not set up a profile in this camp yet.");

    private static DomainError UnknownSlot() => DomainError.NotFound("slot.unknown", "There is no such office-hour slot.");
}
