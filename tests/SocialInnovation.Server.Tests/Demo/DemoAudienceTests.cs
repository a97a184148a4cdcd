using System.Net.Http.Json;
using SocialInnovation.Audience;
using SocialInnovation.Awards;
using SocialInnovation.Camps;
using SocialInnovation.Judging;
using SocialInnovation.People;
using SocialInnovation.Server.Session;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Demo;

public sealed class DemoAudienceTests
{
    [Fact]
    public async Task The_demo_camp_has_a_peoples_choice_poll_and_a_results_draft_and_is_walked_through_judging_with_two_judges_to_published_results()
    {
        await using var host = await PlatformHost.Start(PlatformHost.NewWorld(), seedDemo: true,
            settings: new Dictionary<string, string?> { ["Demo:Intake"] = "false" });
        var organizer = host.Client();
        await organizer.SignInOrganizer();

        var campId = (await organizer.Get<MeView>("/api/me")).Camps.Single(c => c.Name == "TechBootCamp demo").CampId;
        var poll = Assert.Single(await organizer.Get<List<AudiencePollView>>($"/api/camps/{campId}/audience/polls"));
        var draft = await organizer.Get<CampResults>($"/api/camps/{campId}/results/draft");
        var byCode = await host.Client().Get<AudiencePollView>($"/api/audience/{poll.Audience.Code}");

        Assert.Equal(42, poll.Tally.Voters);
        Assert.Equal([9, 6, 5, 14, 8], poll.Tally.Options.Select(o => o.Dots));
        Assert.Equal(42, byCode.Tally.Options.Sum(o => o.Dots));
        Assert.Equal(3, draft.Awards.Count);
        Assert.Equal(3000m, draft.Grants.Sum(g => g.Amount));
        Assert.Equal(poll.Tally.PollId, draft.AudiencePollId);
        Assert.False(draft.Published);
        Assert.Equal(5, draft.Standings.Count);

        // The walk-through the README gives: Pitches, start judging, two judges score, lock, publish.
        var camp = await organizer.Get<CampSnapshot>($"/api/camps/{campId}");
        while (camp.Phase != CampPhase.Pitches) camp = await organizer.ChangePhase(campId, camp.Phase, camp.Phase + 1);
        var setup = await organizer.Get<JudgingSetup>($"/api/camps/{campId}/judging/setup");
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{campId}/judging/setup", new ConfigureJudging(setup.Rubric, setup.Tracks, setup.PitchOrder,
            setup.Cutoffs, setup.AudienceWeight, setup.Version, "demo-walk-setup"), ApiClient.Json)).EnsureSuccessStatusCode();
        foreach (var (name, lenient) in new[] { ("Demo judge 1", 0), ("Demo judge 2", 2) })
        {
            var judge = host.Client();
            await judge.Redeem((await organizer.Invite(campId, CampRole.Judge)).Token!, name);
            for (var turn = 0; (await judge.Get<JudgeSheet>($"/api/camps/{campId}/judging/sheet")).Next is { } team; turn++)
            {
                var mark = Math.Min(10, 3 + camp.Teams.ToList().FindIndex(t => t.TeamId == team) + lenient);
                (await judge.Post($"/api/camps/{campId}/judging/scores", new ScoreTeam(team, setup.Rubric.Criteria.ToDictionary(c => c.Id, _ => mark), null, 0, $"walk-{turn}")))
                    .EnsureSuccessStatusCode();
            }
        }
        (await organizer.Post($"/api/camps/{campId}/judging/lock", new LockJudging(true, "demo-walk-lock"))).EnsureSuccessStatusCode();
        var published = await organizer.Read<CampResults>(await organizer.Post($"/api/camps/{campId}/results/publish", new PublishResults(true, "demo-walk-publish")));

        Assert.True(published.Published);
        Assert.All(published.Standings, s => Assert.NotNull(s.JudgeRank));
        // The last team added got the best marks from both judges; the audience's 14 votes for Clean Air count 20 %.
        Assert.Equal(camp.Teams[^1].TeamId, (await organizer.Get<Leaderboard>($"/api/camps/{campId}/judging/leaderboard")).Lines[0].TeamId);
        Assert.Equal(published.Standings.Select(s => s.TeamId), (await host.Client().Get<CampResults>($"/api/camps/{campId}/results")).Standings.Select(s => s.TeamId));
    }
}
