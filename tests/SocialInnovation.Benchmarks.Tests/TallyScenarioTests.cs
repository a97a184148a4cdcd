using SocialInnovation.Benchmarks.Swarm;

namespace SocialInnovation.Benchmarks.Tests;

/// <summary>
/// Issue 18's scenarios, tiny, against every target: every vote answered is counted exactly once, on the big
/// screen and in storage, and every judge's sheet is acknowledged (and counted by the product's leaderboard).
/// </summary>
[Collection(TargetsCollection.Name)]
public sealed class TallyScenarioTests(Targets targets)
{
    [Theory]
    [InlineData("bare")]
    [InlineData("naive")]
    [InlineData("product")]
    public async Task Every_accepted_vote_is_shown_and_stored_exactly_once(string target)
    {
        var result = await VoteScenario.RunOne(Ballot.For(targets[target]), voters: 40, TimeSpan.FromMilliseconds(200));

        Assert.Equal(40, result.Accepted);
        Assert.Equal(0, result.Failed);
        Assert.True(result.Exact, "the big screen and the stored count equal the votes accepted");
    }

    [Theory]
    [InlineData("bare")]
    [InlineData("naive")]
    [InlineData("product")]
    public async Task Every_judges_sheet_is_acknowledged_and_counted(string target)
    {
        var result = await JudgeScenario.RunOne(targets[target], judges: 3, teams: 4, TimeSpan.FromMilliseconds(200));

        Assert.Equal(0, result.Failed);
        Assert.Equal(12, result.Acks.Count);
        if (target == "product") Assert.Equal(12, result.Counted);
    }
}
