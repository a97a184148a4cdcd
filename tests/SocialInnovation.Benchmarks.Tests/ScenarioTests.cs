using SocialInnovation.Benchmarks.Swarm;

namespace SocialInnovation.Benchmarks.Tests;

/// <summary>
/// Every benchmark scenario, tiny, against every target: each acknowledged change reaches every
/// watcher exactly once and in order (checked by position), whatever else is going on.
/// </summary>
[Collection(TargetsCollection.Name)]
public sealed class ScenarioTests(Targets targets)
{
    public static TheoryData<string, string> Runs()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in new[] { "bare", "naive", "product" })
            foreach (var scenario in Scenarios.Names.Where(n => n != "join"))
                data.Add(target, scenario);
        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Every_acknowledged_change_reaches_every_watcher_once_and_in_order(string target, string scenario)
    {
        // The benchmark's shapes with a handful of watchers, each stream changed three times quickly.
        foreach (var shape in Scenarios.Shapes(scenario, scale: 0.01, seconds: 0.15))
        {
            var outcome = await FanOut.Run(targets[target], shape with { Streams = Math.Min(shape.Streams, 2), Rate = 20 });

            Assert.Equal(0, outcome.FailedChanges);
            Assert.True(outcome.Expected > 0);
            Assert.Equal(outcome.Expected, outcome.Delivered);
            Assert.Equal(0, outcome.Lost);
            Assert.Equal(0, outcome.Duplicates);
            Assert.Equal(0, outcome.Gaps);
        }
    }

    [Fact]
    public async Task People_joining_one_camp_together_all_get_in()
    {
        var joined = await targets["product"].Join(people: 20, concurrency: 8);

        Assert.NotNull(joined);
        Assert.Equal(0, joined.Failed);
    }
}
