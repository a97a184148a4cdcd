using SocialInnovation.Mentors;

namespace SocialInnovation.Grains.Tests.Mentors;

/// <summary>Judging recuses mentors by the mentor–team records, so no session or booking may exist without one.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RecusalRecordTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task A_session_whose_record_could_not_be_stored_is_not_started_and_its_retry_keeps_both()
    {
        var (campId, teamId, mentorId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var team = Grains.GetGrain<ITeamMentoringGrain>(teamId);
        var records = Grains.GetGrain<IMentorshipGrain>(campId);
        var start = new StartSession(Guid.NewGuid(), "Pitch", null, NewKey());
        await records.GetRecords(); // activated, so its next write is the record's
        Fixture.Storage.FailNextWrite(records.GetGrainId());

        var failed = await Record.ExceptionAsync(() => team.Start(campId, "Clean Air", mentorId, "Farrukh", start));
        var before = await team.GetSessions();
        var retried = (await team.Start(campId, "Clean Air", mentorId, "Farrukh", start)).Ok();

        Assert.NotNull(failed);
        Assert.Empty(before.Sessions);
        Assert.Equal(start.SessionId, retried.SessionId);
        Assert.Equal([teamId], await records.TeamsMentoredBy(mentorId));
    }

    [Fact]
    public async Task When_storing_the_session_fails_the_record_is_already_kept()
    {
        var (campId, teamId, mentorId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var team = Grains.GetGrain<ITeamMentoringGrain>(teamId);
        await team.GetSessions();
        Fixture.Storage.FailNextWrite(team.GetGrainId());

        await Record.ExceptionAsync(() => team.Start(campId, "Clean Air", mentorId, "Farrukh", new StartSession(Guid.NewGuid(), "Pitch", null, NewKey())));

        Assert.Equal([teamId], await Grains.GetGrain<IMentorshipGrain>(campId).TeamsMentoredBy(mentorId));
    }

    [Fact]
    public async Task A_booking_whose_record_could_not_be_stored_is_not_made_and_its_retry_keeps_both()
    {
        var (campId, mentorId, teamId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var mentor = Grains.GetGrain<IMentorGrain>(MentorKeys.For(campId, mentorId));
        await mentor.SaveProfile(campId, mentorId, "Farrukh", new SaveMentorProfile(["ux"], ["ru"], "", "", 0, NewKey()));
        var slot = (await mentor.PublishSlot(new PublishSlot(Fixture.Clock.GetUtcNow().AddHours(2), 30, NewKey()))).Ok().Slots.Single();
        var records = Grains.GetGrain<IMentorshipGrain>(campId);
        var book = new BookSlot(mentorId, slot.SlotId, NewKey());
        Fixture.Storage.FailNextWrite(records.GetGrainId());

        var failed = await Record.ExceptionAsync(() => mentor.Book(teamId, "Clean Air", book));
        var free = (await mentor.GetCalendar())!.Slots.Single().TeamId;
        var booked = (await mentor.Book(teamId, "Clean Air", book)).Ok();

        Assert.NotNull(failed);
        Assert.Null(free);
        Assert.Equal(teamId, booked.Slots.Single().TeamId);
        Assert.Equal([teamId], await records.TeamsMentoredBy(mentorId));
    }
}
