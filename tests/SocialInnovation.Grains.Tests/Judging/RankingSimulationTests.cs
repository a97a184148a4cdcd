using SocialInnovation.Grains.Judging.Ranking;
using Xunit.Abstractions;

namespace SocialInnovation.Grains.Tests.Judging;

/// <summary>
/// The claim behind the default ranking, checked on many simulated camps: with the same judgments, fitting
/// judge effects finds the true top teams more often than raw means do. The figures are printed (and quoted
/// in the README); the test only compares the methods, never a time.
/// </summary>
public sealed class RankingSimulationTests(ITestOutputHelper output)
{
    [Theory]
    // 20 teams, 10 judges of whom 1 careless, 3 judgments per team, top 5 — a SICamp-sized final.
    [InlineData(20, 10, 1, 3, 5)]
    // 30 teams, 12 judges, 2 careless, only 2 judgments per team: the thin end.
    [InlineData(30, 12, 2, 2, 5)]
    public void Fitting_judge_effects_recovers_the_true_top_teams_better_than_raw_means(int teams, int judges, int careless, int perTeam, int k)
    {
        const int seeds = 150;
        double fitRecall = 0, rawRecall = 0, zRecall = 0, fitTau = 0, rawTau = 0, zTau = 0;
        for (var seed = 1; seed <= seeds; seed++)
        {
            var world = Simulation.World(seed, teams, judges, careless);
            var scores = world.Judge(perTeam);
            var fitted = TeamRanking.Rank(scores, world.Teams).Select(r => r.Team).ToList();
            var raw = RawScores.Means(scores).OrderByDescending(p => p.Value).Select(p => p.Key).ToList();
            var z = RawScores.ZMeans(scores).OrderByDescending(p => p.Value).Select(p => p.Key).ToList();
            fitRecall += world.TopKRecall(fitted, k); rawRecall += world.TopKRecall(raw, k); zRecall += world.TopKRecall(z, k);
            fitTau += world.KendallTau(fitted); rawTau += world.KendallTau(raw); zTau += world.KendallTau(z);
        }
        output.WriteLine($"{teams} teams, {judges} judges ({careless} careless), {perTeam} per team, {seeds} seeds: " +
                         $"top-{k} recall fit {fitRecall / seeds:F3} / raw {rawRecall / seeds:F3} / z {zRecall / seeds:F3}; " +
                         $"Kendall tau fit {fitTau / seeds:F3} / raw {rawTau / seeds:F3} / z {zTau / seeds:F3}");
        Assert.True(fitRecall > rawRecall, $"top-{k} recall: fit {fitRecall / seeds:F3}, raw means {rawRecall / seeds:F3}");
        Assert.True(fitTau > rawTau, $"Kendall tau: fit {fitTau / seeds:F3}, raw means {rawTau / seeds:F3}");
    }
}
