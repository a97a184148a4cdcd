using SocialInnovation.Mentors;

namespace SocialInnovation.Grains.Tests.Mentors;

[Collection(ClusterCollection.Name)]
public sealed class SessionTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task Notes_and_action_items_reach_the_teams_stream_the_team_ticks_and_rates()
    {
        var (campId, teamId, mentorId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var team = Grains.GetGrain<ITeamMentoringGrain>(teamId);
        var started = (await team.Start(campId, "Clean Air", mentorId, "Farrukh", new StartSession(Guid.NewGuid(), "Onboarding flow", null, NewKey()))).Ok();
        var seen = await team.GetSessions();

        var noted = (await team.WriteNotes(mentorId, new WriteNotes(started.SessionId, "Cut the sign-up to one screen.", "Show me on Friday", started.Version, NewKey()))).Ok();
        var withItem = (await team.AddActionItem(mentorId, new AddActionItem(started.SessionId, "Test with 5 users", NewKey()))).Ok();
        (await team.Rate(Guid.NewGuid(), new RateSession(started.SessionId, 5, "Great", NewKey()))).Refused("session.not-ended");
        (await team.WriteNotes(Guid.NewGuid(), new WriteNotes(started.SessionId, "x", "", noted.Version, NewKey()))).Refused("session.not-yours");
        (await team.WriteNotes(mentorId, new WriteNotes(started.SessionId, "y", "", started.Version, NewKey()))).Refused("session.stale");
        await team.End(mentorId, new EndSession(started.SessionId, NewKey()));
        var ticked = (await team.Tick(new TickActionItem(started.SessionId, withItem.ActionItems[0].ItemId, true, NewKey()))).Ok();
        var rated = (await team.Rate(Guid.NewGuid(), new RateSession(started.SessionId, 4, "Helpful", NewKey()))).Ok();

        Assert.True(ticked.ActionItems.Single().Done);
        Assert.Equal((4, "Helpful"), (rated.Stars!.Value, rated.RatingComment));
        var events = (await team.CatchUp(new SocialInnovation.Live.StreamPosition(seen.Epoch, seen.Seq))).Ok().Events;
        Assert.Equal(["NotesWritten", "ActionItemAdded", "SessionEnded", "ActionItemTicked", "SessionRated"], events.Select(e => e.Kind));
        Assert.Equal("Cut the sign-up to one screen.", events[0].Read<SessionChanged>().Session.Notes);
        Assert.Equal([teamId], await Grains.GetGrain<IMentorshipGrain>(campId).TeamsMentoredBy(mentorId));
    }

    [Fact]
    public async Task Starting_a_session_again_with_its_id_answers_the_same_session()
    {
        var team = Grains.GetGrain<ITeamMentoringGrain>(Guid.NewGuid());
        var start = new StartSession(Guid.NewGuid(), "Pitch", Guid.NewGuid(), NewKey());

        var first = (await team.Start(Guid.NewGuid(), "Clean Air", Guid.NewGuid(), "Farrukh", start)).Ok();
        var again = (await team.Start(Guid.NewGuid(), "Clean Air", Guid.NewGuid(), "Farrukh", start)).Ok();

        Assert.Equal(first, again);
        Assert.Single((await team.GetSessions()).Sessions);
    }
}
