using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SocialInnovation.Camps;
using SocialInnovation.Judging;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Judging;

public sealed class JudgingApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static Dictionary<string, int> Marks(int mark) => Rubric.Default.Criteria.ToDictionary(c => c.Id, _ => mark);

    private async Task<(ApiClient Organizer, Guid CampId, List<TeamView> Teams)> CampWithTeams(CampPhase phase)
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        CampSnapshot snapshot = camp;
        foreach (var (name, i) in new[] { "Clean Water", "=1+2 Jobs", "Open Budget" }.Select((n, i) => (n, i)))
            snapshot = await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam(name, "Poverty", $"team-{i}")));
        while (snapshot.Phase != phase) snapshot = await organizer.ChangePhase(camp.CampId, snapshot.Phase, snapshot.Phase + 1);
        return (organizer, camp.CampId, snapshot.Teams.ToList());
    }

    [Fact]
    public async Task Judges_score_pitches_once_each_and_the_organizer_gets_the_ranking_as_json_and_csv()
    {
        var (organizer, campId, teams) = await CampWithTeams(CampPhase.Pitches);
        var setup = await organizer.Get<JudgingSetup>($"/api/camps/{campId}/judging/setup");
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{campId}/judging/setup",
            new ConfigureJudging(setup.Rubric, [], setup.PitchOrder, [1], 0.2, setup.Version, "setup-1"), ApiClient.Json)).EnsureSuccessStatusCode();
        var judges = new[] { await fixture.Member(organizer, campId, CampRole.Judge, "Aigerim"), await fixture.Member(organizer, campId, CampRole.Judge, "Rustam") };

        foreach (var (judge, lenient) in judges.Select((j, i) => (j, i * 2)))
            for (var turn = 0; turn < 3; turn++)
            {
                var sheet = await judge.Get<JudgeSheet>($"/api/camps/{campId}/judging/sheet");
                var team = sheet.Next!.Value;
                var mark = Math.Min(10, (team == teams[0].TeamId ? 8 : team == teams[1].TeamId ? 6 : 4) + lenient);
                var score = new ScoreTeam(team, Marks(mark), null, 0, $"score-{turn}");
                (await judge.Post($"/api/camps/{campId}/judging/scores", score)).EnsureSuccessStatusCode();
                (await judge.Post($"/api/camps/{campId}/judging/scores", score)).EnsureSuccessStatusCode(); // a resend
            }

        var board = await organizer.Get<Leaderboard>($"/api/camps/{campId}/judging/leaderboard");
        Assert.Equal(teams.Select(t => t.TeamId), board.Lines.Select(l => l.TeamId));
        Assert.All(board.Lines, l => Assert.Equal(2, l.Judgments));
        Assert.Equal(2, board.Judges.Count);
        var csv = await organizer.Http.GetStringAsync($"/api/camps/{campId}/judging/scores.csv");
        Assert.Equal(6, csv.Split('\n').Count(l => l.StartsWith("\"score\"")));
        // A team name a spreadsheet would run as a formula is exported as text.
        Assert.Contains("\"'=1+2 Jobs\"", csv);
        Assert.DoesNotContain("\"=1+2", csv);
        Assert.Equal(6, (await organizer.Get<List<AuditEntry>>($"/api/camps/{campId}/judging/audit")).Count);

        // The same input scores as JSON: enough to recompute the raw means outside the product.
        var scores = await organizer.Get<List<ScoreRecord>>($"/api/camps/{campId}/judging/scores");
        Assert.Equal(6, scores.Count);
        Assert.All(scores, s => Assert.Equal(Rubric.Default.Criteria.Select(c => c.Id).Order(), s.Marks.Keys.Order()));
        foreach (var line in board.Lines)
            Assert.Equal(line.RawMean, scores.Where(s => s.TeamId == line.TeamId).Average(s => s.WeightedScore), 9);
    }

    [Fact]
    public async Task Scores_outside_the_pitches_and_judging_phases_are_refused_and_change_nothing()
    {
        var (organizer, campId, teams) = await CampWithTeams(CampPhase.Sprints);
        var judge = await fixture.Member(organizer, campId, CampRole.Judge, "Nodira");
        var setup = await organizer.Get<JudgingSetup>($"/api/camps/{campId}/judging/setup");
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{campId}/judging/setup",
            new ConfigureJudging(setup.Rubric, [], null, [1, 3], 0.2, 0, "setup-2"), ApiClient.Json)).EnsureSuccessStatusCode();

        var refused = await judge.Post($"/api/camps/{campId}/judging/scores", new ScoreTeam(teams[0].TeamId, Marks(7), null, 0, "early"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("judging.closed", await refused.Content.ReadAsStringAsync());
        Assert.Empty(await organizer.Get<List<AuditEntry>>($"/api/camps/{campId}/judging/audit"));
    }

    [Fact]
    public async Task An_incomplete_score_gets_a_clear_error()
    {
        var (organizer, campId, teams) = await CampWithTeams(CampPhase.Pitches);
        var judge = await fixture.Member(organizer, campId, CampRole.Judge, "Saule");
        var setup = await organizer.Get<JudgingSetup>($"/api/camps/{campId}/judging/setup");
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{campId}/judging/setup",
            new ConfigureJudging(setup.Rubric, [], null, [1], 0, 0, "setup-3"), ApiClient.Json)).EnsureSuccessStatusCode();

        var refused = await judge.Post($"/api/camps/{campId}/judging/scores",
            new ScoreTeam(teams[0].TeamId, new Dictionary<string, int> { ["impact"] = 7 }, null, 0, "partial"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("score.incomplete", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_organizer_moves_a_team_from_one_judge_to_another_but_never_to_someone_who_is_not_a_judge_here()
    {
        var (organizer, campId, _) = await CampWithTeams(CampPhase.Pitches);
        var setup = await organizer.Get<JudgingSetup>($"/api/camps/{campId}/judging/setup");
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{campId}/judging/setup",
            new ConfigureJudging(setup.Rubric, [], setup.PitchOrder, [1], 0.2, setup.Version, "setup-move"), ApiClient.Json)).EnsureSuccessStatusCode();
        var gulnara = await fixture.Member(organizer, campId, CampRole.Judge, "Gulnara");
        var ilyas = await fixture.Member(organizer, campId, CampRole.Judge, "Ilyas");
        await fixture.Member(organizer, campId, CampRole.Participant, "Zarina");
        var people = (await organizer.Get<List<CampMember>>($"/api/camps/{campId}/members")).ToDictionary(m => m.Name, m => m.PersonId);
        var held = (await gulnara.Get<JudgeSheet>($"/api/camps/{campId}/judging/sheet")).Next!.Value;

        var toParticipant = await organizer.Post($"/api/camps/{campId}/judging/assignments", new AssignTeam(held, null, people["Zarina"], "move-0"));
        var moved = await organizer.Post($"/api/camps/{campId}/judging/assignments", new AssignTeam(held, people["Gulnara"], people["Ilyas"], "move-1"));

        Assert.Equal(HttpStatusCode.NotFound, toParticipant.StatusCode);
        Assert.Contains("judge.unknown", await toParticipant.Content.ReadAsStringAsync());
        var board = await organizer.Read<Leaderboard>(moved);
        Assert.Equal([held], board.Judges.Single(j => j.Name == "Ilyas").Pinned);
        Assert.Equal([held], board.Judges.Single(j => j.Name == "Gulnara").MovedAway);
        Assert.Equal(held, (await ilyas.Get<JudgeSheet>($"/api/camps/{campId}/judging/sheet")).Next);
        Assert.NotEqual(held, (await gulnara.Get<JudgeSheet>($"/api/camps/{campId}/judging/sheet")).Next);
    }

    [Fact]
    public async Task In_pairwise_mode_a_judge_compares_two_teams_at_a_time_and_the_csv_has_every_verdict()
    {
        var (organizer, campId, teams) = await CampWithTeams(CampPhase.Pitches);
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{campId}/judging/setup",
            new ConfigureJudging(Rubric.Default, [], null, [1], 0.2, 0, "setup-pairwise", JudgingMode.Pairwise), ApiClient.Json)).EnsureSuccessStatusCode();
        var judge = await fixture.Member(organizer, campId, CampRole.Judge, "Zarina");

        var sheet = await judge.Get<JudgeSheet>($"/api/camps/{campId}/judging/sheet");
        Assert.Null(sheet.Next);
        for (var turn = 0; sheet.Pair is [var first, var second]; turn++)
        {
            // The team added first pitched best, then the next.
            var better = teams.FindIndex(t => t.TeamId == first) < teams.FindIndex(t => t.TeamId == second) ? first : second;
            sheet = await judge.Read<JudgeSheet>(await judge.Post($"/api/camps/{campId}/judging/comparisons", new CompareTeams(first, second, better, 0, $"compare-{turn}")));
        }
        var refused = await judge.Post($"/api/camps/{campId}/judging/scores", new ScoreTeam(teams[0].TeamId, Marks(8), null, 0, "score-in-pairwise"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(3, sheet.Verdicts!.Count);
        var board = await organizer.Get<Leaderboard>($"/api/camps/{campId}/judging/leaderboard");
        Assert.Equal(teams.Select(t => t.TeamId), board.Lines.Select(l => l.TeamId));
        var csv = await organizer.Http.GetStringAsync($"/api/camps/{campId}/judging/scores.csv");
        Assert.Equal(3, csv.Split('\n').Count(l => l.StartsWith("\"comparison\"")));
    }

    [Fact]
    public async Task A_pairwise_verdict_based_on_an_older_one_is_refused_with_the_verdict_as_it_now_is()
    {
        var (organizer, campId, teams) = await CampWithTeams(CampPhase.Pitches);
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{campId}/judging/setup",
            new ConfigureJudging(Rubric.Default, [], null, [1], 0.2, 0, "setup-pairwise", JudgingMode.Pairwise), ApiClient.Json)).EnsureSuccessStatusCode();
        var judge = await fixture.Member(organizer, campId, CampRole.Judge, "Zarina");
        var (a, b) = (teams[0].TeamId, teams[1].TeamId);
        // One tablet says A pitched better; the other, which showed the pair with no verdict, says B.
        await judge.Read<JudgeSheet>(await judge.Post($"/api/camps/{campId}/judging/comparisons", new CompareTeams(a, b, a, 0, "tablet-1")));
        var stale = await judge.Post($"/api/camps/{campId}/judging/comparisons", new CompareTeams(a, b, b, 0, "tablet-2"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("verdict.stale", problem.GetProperty("code").GetString());
        Assert.Equal(a, problem.GetProperty("current").GetProperty("better").GetGuid());
        Assert.Equal(1, problem.GetProperty("current").GetProperty("version").GetInt64());

        // The judge decides again, based on the verdict shown: B after all.
        var decided = await judge.Read<JudgeSheet>(await judge.Post($"/api/camps/{campId}/judging/comparisons", new CompareTeams(a, b, b, 1, "tablet-2-again")));
        Assert.Equal((b, 2L), (decided.Verdicts!.Single().Better, decided.Verdicts!.Single().Version));
    }
}
