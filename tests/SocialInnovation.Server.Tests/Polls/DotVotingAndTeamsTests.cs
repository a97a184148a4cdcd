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

public sealed class DotVotingAndTeamsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Participants_dot_vote_the_top_problems_become_teams_and_participants_join_them()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var participants = new List<ApiClient>();
        foreach (var name in new[] { "Aida", "Timur", "Daler" }) participants.Add(await fixture.Member(organizer, camp.CampId, CampRole.Participant, name));
        var poll = await organizer.Read<PollTally>(await organizer.Post($"/api/camps/{camp.CampId}/polls", new OpenPoll("Which problems?", null, 3, "poll-1")));
        foreach (var (from, to) in new[] { (CampPhase.Draft, CampPhase.Applications), (CampPhase.Applications, CampPhase.Selection), (CampPhase.Selection, CampPhase.Teams) })
            await organizer.ChangePhase(camp.CampId, from, to);

        // Options are the camp's themes in order: o1 Corruption, o2 Unemployment, o3 Poverty, o4 Environment, o5 Healthcare.
        var votes = new[] { new Dictionary<string, int> { ["o2"] = 2, ["o4"] = 1 }, new() { ["o2"] = 1, ["o4"] = 2 }, new() { ["o1"] = 3 } };
        for (var i = 0; i < 3; i++)
        {
            var cast = new CastDots(votes[i], $"vote-{i}");
            (await participants[i].Post($"/api/camps/{camp.CampId}/polls/{poll.PollId}/votes", cast)).EnsureSuccessStatusCode();
            (await participants[i].Post($"/api/camps/{camp.CampId}/polls/{poll.PollId}/votes", cast)).EnsureSuccessStatusCode(); // a retry
        }
        (await organizer.Post($"/api/camps/{camp.CampId}/polls/{poll.PollId}/close", null)).EnsureSuccessStatusCode();
        var teams = await organizer.Read<List<TeamView>>(await organizer.Post($"/api/camps/{camp.CampId}/polls/{poll.PollId}/teams", new FormTeamsFromPoll(2, 2, "teams-1")));

        var tally = (await participants[0].Get<PollView>($"/api/camps/{camp.CampId}/polls/{poll.PollId}")).Tally;
        Assert.Equal([3, 3, 0, 3, 0], tally.Options.Select(o => o.Dots));
        Assert.Equal(["Corruption", "Unemployment"], teams.Select(t => t.Theme));

        var unemployment = teams.Single(t => t.Theme == "Unemployment").TeamId;
        (await participants[0].Post($"/api/camps/{camp.CampId}/teams/{unemployment}/join", new TeamMembershipChange("join-1"))).EnsureSuccessStatusCode();
        var secondTeam = await participants[0].Post($"/api/camps/{camp.CampId}/teams/{teams.Single(t => t.Theme == "Corruption").TeamId}/join", new TeamMembershipChange("join-2"));
        var strangerLeaving = await participants[1].Post($"/api/camps/{camp.CampId}/teams/{unemployment}/leave", new TeamMembershipChange("leave-1"));

        Assert.Equal("team.already-member", (await secondTeam.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.Equal(HttpStatusCode.Forbidden, strangerLeaving.StatusCode);
        var team = await participants[2].Get<TeamDetails>($"/api/camps/{camp.CampId}/teams/{unemployment}");
        Assert.Equal("Aida", Assert.Single(team.Members).Name);
        Assert.Equal(team.Members[0].PersonId, team.CaptainId);
        (await participants[0].Post($"/api/camps/{camp.CampId}/teams/{unemployment}/leave", new TeamMembershipChange("leave-2"))).EnsureSuccessStatusCode();
        Assert.Empty((await organizer.Get<TeamDetails>($"/api/camps/{camp.CampId}/teams/{unemployment}")).Members);
    }

    [Fact]
    public async Task Teams_are_formed_only_from_a_closed_poll()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var poll = await organizer.Read<PollTally>(await organizer.Post($"/api/camps/{camp.CampId}/polls", new OpenPoll("Which problems?", null, 3, "poll-2")));

        var early = await organizer.Post($"/api/camps/{camp.CampId}/polls/{poll.PollId}/teams", new FormTeamsFromPoll(2, 5, "teams-2"));

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Empty((await organizer.Get<CampSnapshot>($"/api/camps/{camp.CampId}")).Teams);
    }
}
