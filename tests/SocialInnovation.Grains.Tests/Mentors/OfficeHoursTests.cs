using SocialInnovation.Common;
using SocialInnovation.Mentors;

namespace SocialInnovation.Grains.Tests.Mentors;

[Collection(ClusterCollection.Name)]
public sealed class OfficeHoursTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private async Task<(IMentorGrain Mentor, Guid CampId, Guid MentorId, Guid SlotId)> MentorWithSlot()
    {
        var (campId, mentorId) = (Guid.NewGuid(), Guid.NewGuid());
        var mentor = Grains.GetGrain<IMentorGrain>(MentorKeys.For(campId, mentorId));
        (await mentor.SaveProfile(campId, mentorId, "Farrukh", Profile(0))).Ok();
        var calendar = (await mentor.PublishSlot(new PublishSlot(Fixture.Clock.GetUtcNow().AddHours(1), 30, NewKey()))).Ok();
        return (mentor, campId, mentorId, calendar.Slots.Single().SlotId);
    }

    private static SaveMentorProfile Profile(long basedOn) =>
        new(["ux", "Android", "pitch"], ["ru", "tg"], "Product designer, 8 years.", "Afternoons", basedOn, NewKey());

    [Fact]
    public async Task A_mentor_profile_keeps_normalized_tags_and_lists_the_mentor_in_the_camp()
    {
        var (_, campId, mentorId, _) = await MentorWithSlot();

        var listed = Assert.Single(await Grains.GetGrain<IMentorshipGrain>(campId).GetMentors());

        Assert.Equal(mentorId, listed.PersonId);
        Assert.Equal(["ux", "android", "pitch"], listed.Tags);
    }

    [Fact]
    public async Task A_profile_saved_from_an_old_version_is_refused()
    {
        var (mentor, campId, mentorId, _) = await MentorWithSlot();

        var stale = await mentor.SaveProfile(campId, mentorId, "Farrukh", Profile(basedOn: 0));

        stale.Refused("mentor.stale", ErrorKind.Conflict);
    }

    [Fact]
    public async Task Two_teams_booking_one_slot_at_the_same_instant_get_one_booking()
    {
        var (mentor, _, mentorId, slotId) = await MentorWithSlot();
        var teams = Enumerable.Range(0, 8).Select(i => (Id: Guid.NewGuid(), Name: $"Team {i}")).ToList();

        var outcomes = await Task.WhenAll(teams.Select(t => mentor.Book(t.Id, t.Name, new BookSlot(mentorId, slotId, NewKey()))));

        Assert.Single(outcomes, o => o.IsOk);
        Assert.All(outcomes.Where(o => !o.IsOk), o => o.Refused("slot.taken", ErrorKind.Conflict));
        var booked = (await mentor.GetCalendar())!.Slots.Single();
        Assert.Contains(teams, t => t.Id == booked.TeamId);
    }

    [Fact]
    public async Task A_cancelled_booking_frees_the_slot_for_another_team_and_the_record_stays()
    {
        var (mentor, campId, mentorId, slotId) = await MentorWithSlot();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        (await mentor.Book(first, "Clean Air", new BookSlot(mentorId, slotId, NewKey()))).Ok();
        (await mentor.CancelBooking(second, new CancelBooking(mentorId, slotId, NewKey()))).Refused("slot.not-yours");
        (await mentor.CancelBooking(first, new CancelBooking(mentorId, slotId, NewKey()))).Ok();
        var rebooked = (await mentor.Book(second, "Safe Roads", new BookSlot(mentorId, slotId, NewKey()))).Ok();

        Assert.Equal(second, rebooked.Slots.Single().TeamId);
        Assert.Equivalent(new[] { first, second }, await Grains.GetGrain<IMentorshipGrain>(campId).TeamsMentoredBy(mentorId));
    }

    [Fact]
    public async Task A_retried_booking_is_answered_as_before_and_a_reused_key_is_refused()
    {
        var (mentor, _, mentorId, slotId) = await MentorWithSlot();
        var team = Guid.NewGuid();
        var book = new BookSlot(mentorId, slotId, NewKey());

        var first = (await mentor.Book(team, "Clean Air", book)).Ok();
        var retry = (await mentor.Book(team, "Clean Air", book)).Ok();
        var reused = await mentor.Book(team, "Clean Air", book with { SlotId = Guid.NewGuid() });

        Assert.Equal(first.Version, retry.Version);
        reused.Refused("idempotency.reused");
    }

    [Fact]
    public async Task Overlapping_or_past_slots_are_refused()
    {
        var (mentor, _, _, _) = await MentorWithSlot();
        var now = Fixture.Clock.GetUtcNow();

        (await mentor.PublishSlot(new PublishSlot(now.AddMinutes(70), 30, NewKey()))).Refused("slot.overlap");
        (await mentor.PublishSlot(new PublishSlot(now.AddMinutes(-5), 30, NewKey()))).Refused("slot.past");
    }

    [Fact]
    public async Task Booking_a_slot_that_has_ended_is_refused_and_changes_nothing()
    {
        var (mentor, _, mentorId, _) = await MentorWithSlot();
        var slot = (await mentor.PublishSlot(new PublishSlot(Fixture.Clock.GetUtcNow().AddMinutes(5), 15, NewKey()))).Ok().Slots
            .Single(s => s.Minutes == 15);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(21));
        var before = (await mentor.GetCalendar())!;

        var late = await mentor.Book(Guid.NewGuid(), "Clean Air", new BookSlot(mentorId, slot.SlotId, NewKey()));

        late.Refused("slot.past", ErrorKind.Conflict);
        var after = (await mentor.GetCalendar())!;
        Assert.Equal(before.Version, after.Version);
        Assert.Null(after.Slots.Single(s => s.SlotId == slot.SlotId).TeamId);
    }

    [Fact]
    public async Task Every_calendar_change_is_an_event_on_the_mentors_stream()
    {
        var (mentor, _, mentorId, slotId) = await MentorWithSlot();
        var start = (await mentor.GetCalendar())!;

        await mentor.Book(Guid.NewGuid(), "Clean Air", new BookSlot(mentorId, slotId, NewKey()));
        var caught = (await mentor.CatchUp(new SocialInnovation.Live.StreamPosition(start.Epoch, start.Seq))).Ok();

        var booked = Assert.Single(caught.Events);
        Assert.Equal("SlotBooked", booked.Kind);
        Assert.Equal("Clean Air", booked.Read<MentorCalendarChanged>().Calendar.Slots.Single().TeamName);
    }
}
