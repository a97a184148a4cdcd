using SocialInnovation.Camps;
using SocialInnovation.Polls;
using SocialInnovation.Server.Polls;
using SocialInnovation.Server.Session;
using SocialInnovation.Server.Statements;
using SocialInnovation.Statements;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Demo;

public sealed class DemoStatementsTests
{
    [Fact]
    public async Task The_demo_camp_votes_on_problem_statements_and_merging_its_duplicate_pair_moves_the_dots()
    {
        await using var host = await PlatformHost.Start(PlatformHost.NewWorld(), seedDemo: true,
            settings: new Dictionary<string, string?> { ["Demo:Intake"] = "false" });
        var organizer = host.Client();
        await organizer.SignInOrganizer();
        var campId = (await organizer.Get<MeView>("/api/me")).Camps.Single(c => c.Name == "TechBootCamp demo").CampId;

        var list = await organizer.Get<StatementsView>($"/api/camps/{campId}/statements");
        var before = (await organizer.Get<PollView>($"/api/camps/{campId}/polls/{list.PollId}")).Tally;
        var merged = await organizer.Read<StatementsView>(await organizer.Post($"/api/camps/{campId}/statements/merge", new MergeStatements("s7", "s2", "demo-merge")));
        var after = (await organizer.Get<PollView>($"/api/camps/{campId}/polls/{list.PollId}")).Tally;

        Assert.Equal(7, list.Statements.Count);
        Assert.Equal([7, 6, 7, 7, 6, 2, 7], before.Options.Select(o => o.Dots));
        Assert.Equal(14, before.Voters);
        Assert.Equal(14, (await organizer.Get<CampSnapshot>($"/api/camps/{campId}")).Members.Participants); // the voters are the camp's participants
        Assert.Equal("s2", merged.Statements.Single(s => s.Id == "s7").MergedInto);
        Assert.Equal([7, 13, 7, 7, 6, 2], after.Options.Select(o => o.Dots));
        Assert.Equal(42, after.Options.Sum(o => o.Dots));
    }
}
