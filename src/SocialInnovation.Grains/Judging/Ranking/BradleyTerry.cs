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
        var wins = teams.ToDictionary(t => t, t => 1.0 + comparisons.Count(c => c.Winner == t)); // +1 virtual win
        var strength = teams.ToDictionary(t => t, _ => 1.0);
        for (var i = 0; i < iterations; i++)
        {
            var next = new Dictionary<Guid, double>(teams.Length);
            foreach (var t in teams)
            {
                // Two virtual games against the average team (one won, one lost), plus the real ones.
                var denominator = 2 / (strength[t] + 1);
                foreach (var c in comparisons)
                {
                    if (c.Winner == t) denominator += 1 / (strength[t] + strength[c.Loser]);
                    else if (c.Loser == t) denominator += 1 / (strength[t] + strength[c.Winner]);
                }
                next[t] = wins[t] / denominator;
            }
            var change = teams.Max(t => Math.Abs(Math.Log(next[t]) - Math.Log(strength[t])));
            strength = next;
            if (change < 1e-10) break;
        }
        var meanLog = teams.Average(t => Math.Log(strength[t]));
        return teams.ToDictionary(t => t, t => Math.Log(strength[t]) - meanLog);
    }
}
