namespace SocialInnovation.Grains.Judging.Ranking;

/// <summary>The simple views shown beside the fitted ranking, so organizers can see what the fit changed.</summary>
public static class RawScores
{
    /// <summary>Each team's plain mean of its judges' weighted scores.</summary>
    public static IReadOnlyDictionary<Guid, double> Means(IEnumerable<Judgment> judgments) =>
        judgments.GroupBy(j => j.Team).ToDictionary(g => g.Key, g => g.Average(j => j.Score));

    /// <summary>
    /// Each team's mean of per-judge z-scores: every judge's scores are centred on that judge's own mean and
    /// divided by their own spread. A judge with one score, or the same score for everyone, contributes 0.
    /// </summary>
    public static IReadOnlyDictionary<Guid, double> ZMeans(IEnumerable<Judgment> judgments)
    {
        var all = judgments.ToArray();
        var stats = all.GroupBy(j => j.Judge).ToDictionary(g => g.Key, g =>
            (Mean: g.Average(j => j.Score), Spread: JudgeEffects.StandardDeviation(g.Select(j => j.Score))));
        return all.GroupBy(j => j.Team).ToDictionary(g => g.Key, g => g.Average(j =>
        {
            var (mean, spread) = stats[j.Judge];
            return spread > 1e-9 ? (j.Score - mean) / spread : 0;
        }));
    }
}
