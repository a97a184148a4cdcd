using System.Net;
using System.Net.Http.Json;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Polls;
using SocialInnovation.Server.Polls;
using SocialInnovation.Server.Tests.Camps;
using SocialInnovation.Teams;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Polls;

public sealed class LivePollAndTeamRaceTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private async Task<(ApiClient Organizer, Guid CampId, PollTally Poll)> CampVotingOnProblems()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var poll = await organizer.Read<PollTally>(await organizer.Post($"/api/camps/{camp.CampId}/polls", new OpenPoll("Which problems?", null, 3, Guid.NewGuid().ToString("N"))));
        foreach (var (from, to) in new[] { (CampPhase.Draft, CampPhase.Applications), (CampPhase.Applications, CampPhase.Selection), (CampPhase.Selection, CampPhase.Teams) })
            await organizer.ChangePhase(camp.CampId, from, to);
        return (organizer, camp.CampId, poll);
    }

    [Fact]
    public async Task Every_member_watching_a_poll_sees_each_accepted_tally_live_and_the_camp_lists_its_polls()
    {
        var (organizer, campId, poll) = await CampVotingOnProblems();
        var voter = await fixture.Member(organizer, campId, CampRole.Participant, "Aida");
        await using var screen = await LiveEvents.Connect(organizer);
        var watched = await screen.Watch(PollStreams.For(campId, poll.PollId).ToString());

        (await voter.Post($"/api/camps/{campId}/polls/{poll.PollId}/votes", new CastDots(new Dictionary<string, int> { ["o2"] = 2 }, "v1"))).EnsureSuccessStatusCode();
        var pushed = await screen.Next(e => e.Kind == SocialInnovation.Grains.Polls.PollGrain.TallyKind && e.Read<PollTally>().Voters == 1);

        Assert.True(watched.Ok, watched.Error?.Code);
        Assert.Equal(0, watched.Value!.Snapshot!.Read<PollTally>().Voters);
        Assert.Equal(2, pushed.Read<PollTally>().Options.Single(o => o.Id == "o2").Dots);
        Assert.Equal([poll.PollId], (await voter.Get<PollTally[]>($"/api/camps/{campId}/polls")).Select(p => p.PollId));
    }

    [Fact]
    public async Task A_poll_is_watched_only_under_its_own_camp()
    {
        var (organizer, campId, poll) = await CampVotingOnProblems();
        var (otherOrganizer, otherCamp) = await fixture.OrganizerWithCamp();
        await using var live = await LiveEvents.Connect(otherOrganizer);

        var refused = await live.Watch(PollStreams.For(otherCamp.CampId, poll.PollId).ToString());

        Assert.Equal("poll.unknown", refused.Error?.Code);
    }

    [Fact]
    public async Task Dots_are_refused_outside_the_Teams_phase()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var poll = await organizer.Read<PollTally>(await organizer.Post($"/api/camps/{camp.CampId}/polls", new OpenPoll("Early", null, 3, "early-poll")));
        var voter = await fixture.Member(organizer, camp.CampId, CampRole.Participant);

        var early = await voter.Post($"/api/camps/{camp.CampId}/polls/{poll.PollId}/votes", new CastDots(new Dictionary<string, int> { ["o1"] = 1 }, "early"));

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("poll.phase", (await early.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.Equal(0, (await organizer.Get<PollView>($"/api/camps/{camp.CampId}/polls/{poll.PollId}")).Tally.Voters);
    }

    [Fact]
    public async Task Two_simultaneous_joins_to_different_teams_never_both_succeed()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam("Clean water", "Environment", "race-team-1"));
        var teams = (await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam("First jobs", "Unemployment", "race-team-2")))).Teams;
        for (var round = 0; round < 5; round++)
        {
            var participant = await fixture.Member(organizer, camp.CampId, CampRole.Participant, $"Racer {round}");

            var answers = await Task.WhenAll(teams.Select(t =>
                participant.Post($"/api/camps/{camp.CampId}/teams/{t.TeamId}/join", new TeamMembershipChange($"race-{round}-{t.Name[0]}"))));

            Assert.Single(answers, a => a.IsSuccessStatusCode);
            var memberships = 0;
            foreach (var team in teams)
                memberships += (await organizer.Get<TeamDetails>($"/api/camps/{camp.CampId}/teams/{team.TeamId}")).Members.Count(m => m.Name == $"Racer {round}");
            Assert.Equal(1, memberships);
        }
    }
}
