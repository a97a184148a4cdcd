using SocialInnovation.Audience;
using SocialInnovation.Awards;
using SocialInnovation.Server.Session;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Demo;

public sealed class DemoAudienceTests
{
    [Fact]
    public async Task The_demo_camp_has_a_peoples_choice_poll_with_votes_and_a_results_draft_with_awards_and_mini_grants()
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
    }
}
