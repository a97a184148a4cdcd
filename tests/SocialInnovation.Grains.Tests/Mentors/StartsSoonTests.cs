using SocialInnovation.Mentors;

namespace SocialInnovation.Grains.Tests.Mentors;

/// <summary>The "starts in 10 minutes" notice, sent by the mentor's grain to both sides (the silo's clock moved forward).</summary>
[Collection(ClusterCollection.Name)]
public sealed class StartsSoonTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task Ten_minutes_before_a_booked_slot_both_sides_get_one_notice_kept_for_later_and_a_cancellation_withdraws_it()
    {
        var (campId, mentorId, teamId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var mentor = Grains.GetGrain<IMentorGrain>(MentorKeys.For(campId, mentorId));
        (await mentor.SaveProfile(campId, mentorId, "Dilnoza", new SaveMentorProfile(["ux"], ["ru"], "", "", 0, NewKey()))).Ok();
        var slotId = (await mentor.PublishSlot(new PublishSlot(Fixture.Clock.GetUtcNow().AddHours(1), 30, NewKey()))).Ok().Slots.Single().SlotId;
        (await mentor.Book(teamId, "Clean Air", new BookSlot(mentorId, slotId, NewKey()))).Ok();
        var team = Grains.GetGrain<ITeamMentoringGrain>(teamId);

        await mentor.CheckNotices();
        var tooEarly = (await mentor.GetCalendar())!.Notices;
        Fixture.Clock.Advance(TimeSpan.FromMinutes(51));
        await mentor.CheckNotices();
        await mentor.CheckNotices(); // a second tick sends nothing twice
        var mentorsNotice = Assert.Single((await mentor.GetCalendar())!.Notices);
        var teamsNotice = Assert.Single((await team.GetSessions()).Notices);
        (await mentor.CancelBooking(teamId, new CancelBooking(mentorId, slotId, NewKey()))).Ok();

        Assert.Empty(tooEarly);
        Assert.Equal((slotId, "Clean Air", "Dilnoza"), (mentorsNotice.SlotId, mentorsNotice.TeamName, mentorsNotice.MentorName));
        Assert.Equal(mentorsNotice, teamsNotice);
        Assert.Equal(campId, (await team.GetSessions()).CampId);
        Assert.Empty((await team.GetSessions()).Notices);
        Assert.Empty((await mentor.GetCalendar())!.Notices);
    }

    [Fact]
    public async Task A_slot_booked_five_minutes_before_it_starts_gets_its_notice_at_once()
    {
        var (campId, mentorId, teamId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var mentor = Grains.GetGrain<IMentorGrain>(MentorKeys.For(campId, mentorId));
        (await mentor.SaveProfile(campId, mentorId, "Rustam", new SaveMentorProfile(["pitch"], ["en"], "", "", 0, NewKey()))).Ok();
        var slotId = (await mentor.PublishSlot(new PublishSlot(Fixture.Clock.GetUtcNow().AddMinutes(5), 20, NewKey()))).Ok().Slots.Single().SlotId;

        (await mentor.Book(teamId, "Open Budget", new BookSlot(mentorId, slotId, NewKey()))).Ok();

        Assert.Equal(slotId, Assert.Single((await Grains.GetGrain<ITeamMentoringGrain>(teamId).GetSessions()).Notices).SlotId);
    }
}
