using System.Net;
using System.Net.Http.Json;
using SocialInnovation.Audience;
using SocialInnovation.Camps;
using SocialInnovation.Judging;
using SocialInnovation.People;
using SocialInnovation.Awards;
using SocialInnovation.Server.Tests.Camps;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Awards;

public sealed class ResultsApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static Dictionary<string, int> Marks(int mark) => Rubric.Default.Criteria.ToDictionary(c => c.Id, _ => mark);

    /// <summary>A camp in its Pitches phase with three judged teams (Clean Water best, Open Budget worst) and a people's choice poll.</summary>
    private async Task<(ApiClient Organizer, Guid CampId, List<TeamView> Teams, AudiencePollView Poll)> JudgedCamp()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        CampSnapshot snapshot = camp;
        foreach (var (name, i) in new[] { "Clean Water", "Green Jobs", "Open Budget" }.Select((n, i) => (n, i)))
            snapshot = await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam(name, "Poverty", $"team-{i}")));
        while (snapshot.Phase != CampPhase.Pitches) snapshot = await organizer.ChangePhase(camp.CampId, snapshot.Phase, snapshot.Phase + 1);
        var teams = snapshot.Teams.ToList();
        var setup = await organizer.Get<JudgingSetup>($"/api/camps/{camp.CampId}/judging/setup");
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{camp.CampId}/judging/setup",
            new ConfigureJudging(setup.Rubric, [new Track("water", "Water", [teams[0].TeamId])], setup.PitchOrder, [1], 0.5, setup.Version, "setup-1"), ApiClient.Json)).EnsureSuccessStatusCode();
        var judge = await fixture.Member(organizer, camp.CampId, CampRole.Judge, "Aigerim");
        for (var turn = 0; turn < 3; turn++)
        {
            var team = (await judge.Get<JudgeSheet>($"/api/camps/{camp.CampId}/judging/sheet")).Next!.Value;
            var mark = team == teams[0].TeamId ? 9 : team == teams[1].TeamId ? 7 : 6;
            (await judge.Post($"/api/camps/{camp.CampId}/judging/scores", new ScoreTeam(team, Marks(mark), null, 0, $"score-{turn}"))).EnsureSuccessStatusCode();
        }
        var poll = await organizer.Read<AudiencePollView>(await organizer.Post($"/api/camps/{camp.CampId}/audience/polls",
            new OpenAudiencePoll("People's choice", AudiencePollKind.PeoplesChoice, null, 1, false, false, "peoples-choice")));
        // Open Budget is the audience's favourite: 6 votes, Green Jobs 3, Clean Water 1.
        foreach (var (option, i) in new[] { "o3", "o3", "o3", "o3", "o3", "o3", "o2", "o2", "o2", "o1" }.Select((o, i) => (o, i)))
            (await fixture.Host.Client().Post($"/api/audience/{poll.Audience.Code}/votes", new CastAudienceVote($"device-{i:D4}-0123456789", [option], $"v{i}"))).EnsureSuccessStatusCode();
        return (organizer, camp.CampId, teams, poll);
    }

    [Fact]
    public async Task Results_are_published_only_after_judging_is_locked_and_nobody_else_sees_them_before()
    {
        var (organizer, campId, teams, poll) = await JudgedCamp();
        var participant = await fixture.Member(organizer, campId, CampRole.Participant, "Timur");
        var draft = await organizer.Get<CampResults>($"/api/camps/{campId}/results/draft");
        var saved = await organizer.Read<CampResults>(await organizer.Http.PutAsJsonAsync($"/api/camps/{campId}/results/draft", new SaveResults(
            [new(AwardKind.TrackWinner, "Best water project", teams[0].TeamId, "water"), new(AwardKind.PeoplesChoice, "People's choice", teams[2].TeamId, null)],
            1000m, "USD", [new(teams[0].TeamId, 600m), new(teams[2].TeamId, 400m)], poll.Tally.PollId, RevealOrder.LastToFirst, draft.Version, "save-1"), ApiClient.Json));

        var leaderboardForParticipant = await participant.Http.GetAsync($"/api/camps/{campId}/judging/leaderboard");
        var beforeForParticipant = await participant.Http.GetAsync($"/api/camps/{campId}/results");
        var draftForParticipant = await participant.Http.GetAsync($"/api/camps/{campId}/results/draft");
        var publishWhileOpen = await organizer.Post($"/api/camps/{campId}/results/publish", new PublishResults(true, "publish-early"));
        (await organizer.Post($"/api/camps/{campId}/judging/lock", new LockJudging(true, "lock-1"))).EnsureSuccessStatusCode();
        (await organizer.Post($"/api/camps/{campId}/results/publish", new PublishResults(true, "publish-1"))).EnsureSuccessStatusCode();
        var published = await fixture.Host.Client().Get<CampResults>($"/api/camps/{campId}/results");

        Assert.Equal(HttpStatusCode.Forbidden, leaderboardForParticipant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, beforeForParticipant.StatusCode);
        Assert.Equal("results.unpublished", (await beforeForParticipant.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.Equal(HttpStatusCode.Forbidden, draftForParticipant.StatusCode);
        Assert.Equal("results.judging-open", (await publishWhileOpen.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.Equal(0.5, saved.AudienceWeight);
        Assert.True(published.Published);
        Assert.Equal(0.5, published.AudienceWeight);
        // Judges' parts 1, 1/3, 0; audience parts 1/6, 1/2, 1: finals 0.5833, 0.4167, 0.5 at half weight.
        Assert.Equal(["Clean Water", "Open Budget", "Green Jobs"], published.Standings.Select(s => s.Name));
        Assert.Equal([0.5833, 0.5, 0.4167], published.Standings.Select(s => s.Final));
        Assert.Equal([1, 6, 3], published.Standings.Select(s => s.AudienceVotes));
        Assert.Equal(1000m, published.Grants.Sum(g => g.Amount));
        Assert.Equal(2, published.Awards.Count);
    }

    [Fact]
    public async Task The_export_has_a_bom_and_every_raw_and_normalised_score_vote_award_and_grant()
    {
        var (organizer, campId, teams, poll) = await JudgedCamp();
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{campId}/results/draft", new SaveResults(
            [new(AwardKind.BestPrototype, "Best prototype", teams[1].TeamId, null)], 500m, "KZT", [new(teams[1].TeamId, 500m)],
            poll.Tally.PollId, RevealOrder.AllAtOnce, 0, "save-2"), ApiClient.Json)).EnsureSuccessStatusCode();

        var bytes = await organizer.Http.GetByteArrayAsync($"/api/camps/{campId}/results/export.csv");
        var text = System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var lines = text.Split('\n');
        Assert.Equal(3, lines.Count(l => l.StartsWith("\"standing\"")));
        Assert.Equal(3, lines.Count(l => l.StartsWith("\"raw_score\"")));
        Assert.Equal(3, lines.Count(l => l.StartsWith("\"normalised\"")));
        Assert.Equal(3, lines.Count(l => l.StartsWith("\"votes\"")));
        Assert.Single(lines, l => l.StartsWith("\"award\""));
        Assert.Single(lines, l => l.StartsWith("\"mini_grant\"") && l.Contains("\"500\"") && l.Contains("KZT"));
    }

    [Fact]
    public async Task Grants_beyond_the_pool_are_refused_with_a_problem()
    {
        var (organizer, campId, teams, _) = await JudgedCamp();

        var over = await organizer.Http.PutAsJsonAsync($"/api/camps/{campId}/results/draft", new SaveResults(
            [], 100m, "USD", [new(teams[0].TeamId, 60m), new(teams[1].TeamId, 50m)], null, RevealOrder.LastToFirst, 0, "save-over"), ApiClient.Json);

        Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        Assert.Equal("grants.over-pool", (await over.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
    }
}
