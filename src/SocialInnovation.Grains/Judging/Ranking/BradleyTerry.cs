namespace SocialInnovation.Grains.Judging.Ranking;

/// <summary>A judge's pairwise verdict: <see cref="Winner"/> pitched better than <see cref="Loser"/>.</summary>
public readonly record struct Comparison(Guid Judge, Guid Winner, Guid Loser);

/// <summary>
/// Pairwise mode for camps with many teams: P(a beats b) = p_a / (p_a + p_b), fitted by Hunter's MM updates.
/// Every team also gets one win and one loss against an average team (p = 1), so a team that won (or lost)
/// every comparison still has a finite strength. Strengths are returned as log p, mean 0.
/// </summary>
public static class BradleyTerry
{
    public static IReadOnlyDictionary<Guid, double> Fit(IReadOnlyList<Comparison> comparisons, int iterations = 500)
    {
        var teams = comparisons.SelectMany(c => new[] { c.Winner, c.Loser }).Distinct().ToArray();
        var index = teams.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        var wins = new double[teams.Length];
        // Each team's opponents, once per game: the update only needs who it met, not who won.
        var opponents = teams.Select(_ => new List<int>()).ToArray();
        foreach (var c in comparisons)
        {
            int w = index[c.Winner], l = index[c.Loser];
            wins[w]++;
            opponents[w].Add(l);
            opponents[l].Add(w);
        }
        var strength = Enumerable.Repeat(1.0, teams.Length).ToArray();
        var next = new double[teams.Length];
        for (var i = 0; i < iterations; i++)
        {
            var change = 0.0;
            for (var t = 0; t < teams.Length; t++)
            {
                // Two virtual games against the average team (one won, one lost), plus the real ones.
                var denominator = 2 / (strength[t] + 1);
                foreach (var o in opponents[t]) denominator += 1 / (strength[t] + strength[o]);
                next[t] = (wins[t] + 1) / denominator;
                change = Math.Max(change, Math.Abs(Math.Log(next[t]) - Math.Log(strength[t])));
            }
            (strength, next) = (next, strength);
            if (change < 1e-10) break;
        }
        var meanLog = strength.Average(Math.Log);
        return teams.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => Math.Log(strength[p.i]) - meanLog);
    }

    /// <summary>The chance that a team of strength <paramref name="a"/> beats one of strength <paramref name="b"/>.</summary>
    public static double Beats(double a, double b) => 1 / (1 + Math.Exp(b - a));
}
