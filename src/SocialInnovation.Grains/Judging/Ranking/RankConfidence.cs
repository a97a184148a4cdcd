namespace SocialInnovation.Grains.Judging.Ranking;

/// <summary>
/// How sure a team's rank is: the middle 95 % of its rank over re-runs of the judging, and the chance that it
/// is within each cut-off that matters (winner = 1, top k, the mini-grant line).
/// </summary>
public sealed record TeamConfidence(Guid Team, int RankLow, int RankHigh, IReadOnlyDictionary<int, double> WithinTop)
{
    /// <summary>
    /// More judgments are needed when some cut-off is still a coin toss: the team is inside it in more than
    /// 10 % and less than 90 % of the re-runs.
    /// </summary>
    public bool NeedsMoreJudgments => WithinTop.Values.Any(p => p is > 0.1 and < 0.9);

    /// <summary>How unsettled the cut-offs are for this team: the sum of p(1 − p), 0 when every cut-off is certain.</summary>
    public double Uncertainty => WithinTop.Values.Sum(p => p * (1 - p));

    /// <summary>The summary of one team's ranks over the bootstrap's re-runs (either fit's).</summary>
    public static TeamConfidence FromRanks(Guid team, IEnumerable<int> ranks, IReadOnlyList<int> cutoffs)
    {
        var sorted = ranks.Order().ToArray();
        return new TeamConfidence(team,
            sorted[(int)Math.Floor(0.025 * (sorted.Length - 1))],
            sorted[(int)Math.Ceiling(0.975 * (sorted.Length - 1))],
            cutoffs.Distinct().ToDictionary(k => k, k => sorted.Count(r => r <= k) / (double)sorted.Length));
    }
}

/// <summary>
/// A parametric bootstrap: new scores are drawn from the fitted model (each judge's offset, scale and own
/// noise, scaled up for the degrees of freedom the fit used, around the fitted qualities), the model is fitted again, and the ranks are counted. The spread
/// shrinks as judgments are added, which is what the adaptive assignment uses. Seeded, so the same scores
/// always give the same intervals (the organizer's page does not flicker on refresh).
/// </summary>
public static class RankConfidence
{
    public static IReadOnlyDictionary<Guid, TeamConfidence> Estimate(
        IReadOnlyList<Judgment> judgments, JudgeEffectsFit fit, IReadOnlyList<int> cutoffs, int samples = 200, int seed = 20261125)
    {
        var random = new Random(seed);
        var teams = fit.Quality.Keys.ToArray();
        var ranks = teams.ToDictionary(t => t, _ => new List<int>(samples));
        var resampled = new Judgment[judgments.Count];
        // The fit's noise is measured after it adapted itself to these very scores, so it is too small, badly
        // so with few judgments per team; it is scaled up by the degrees of freedom left. With no freedom
        // left (fewer scores than fitted numbers) nothing is known about the noise: the spread of all scores.
        var parameters = fit.Quality.Count + 2 * fit.Judges.Count - 2;
        var left = judgments.Count - parameters;
        var spread = JudgeEffects.StandardDeviation(judgments.Select(j => j.Score));
        var noise = fit.Judges.ToDictionary(j => j.Key, j => left > 0 ? j.Value.Noise * Math.Sqrt(judgments.Count / (double)left) : spread);
        for (var s = 0; s < samples; s++)
        {
            for (var i = 0; i < judgments.Count; i++)
            {
                var j = judgments[i];
                resampled[i] = j with { Score = fit.Expected(j.Judge, j.Team) + noise[j.Judge] * Gaussian(random) };
            }
            var refit = JudgeEffects.Fit(resampled, start: fit);
            var order = teams.OrderByDescending(t => refit.Quality[t]).ToArray();
            for (var r = 0; r < order.Length; r++) ranks[order[r]].Add(r + 1);
        }
        return teams.ToDictionary(t => t, t => TeamConfidence.FromRanks(t, ranks[t], cutoffs));
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller; 1 − NextDouble() avoids log(0).
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
