namespace SocialInnovation.Grains.Judging.Ranking;

/// <summary>
/// The pairwise round's ranking: teams ordered by Bradley–Terry strength, with the same confidence the scored
/// ranking has. <c>Quality</c> is the strength (log scale, mean 0); <c>Typical</c> is 10 × the chance to beat
/// an average team; <c>RawMean</c> is 10 × the share of comparisons won (what the judges literally said);
/// there is no z-score (0). Tie-break: higher strength → more wins share → more comparisons → earlier pitch.
/// </summary>
public static class PairwiseRanking
{
    private const double Tie = 1e-9;

    public static (IReadOnlyList<RankedTeam> Ranked, IReadOnlyDictionary<Guid, TeamConfidence> Confidence) Rank(
        IReadOnlyList<Comparison> comparisons, IReadOnlyList<Guid> pitchOrder, IReadOnlyList<int> cutoffs, int samples = 200, int seed = 20261125)
    {
        var strength = BradleyTerry.Fit(comparisons);
        var counts = strength.Keys.ToDictionary(t => t, t => comparisons.Count(c => c.Winner == t || c.Loser == t));
        var share = strength.Keys.ToDictionary(t => t, t => comparisons.Count(c => c.Winner == t) / (double)counts[t]);
        var place = pitchOrder.Select((team, i) => (team, i)).ToDictionary(p => p.team, p => p.i);
        var ordered = strength.Keys.ToList();
        ordered.Sort((a, b) =>
        {
            if (Math.Abs(strength[a] - strength[b]) > Tie) return strength[b].CompareTo(strength[a]);
            if (Math.Abs(share[a] - share[b]) > Tie) return share[b].CompareTo(share[a]);
            if (counts[a] != counts[b]) return counts[b].CompareTo(counts[a]);
            return place.GetValueOrDefault(a, int.MaxValue).CompareTo(place.GetValueOrDefault(b, int.MaxValue));
        });
        var ranked = ordered.Select((t, i) => new RankedTeam(t, i + 1, strength[t], 10 * BradleyTerry.Beats(strength[t], 0), 10 * share[t], 0, counts[t])).ToList();
        return (ranked, Confidence(comparisons, strength, cutoffs, samples, seed));
    }

    /// <summary>
    /// A parametric bootstrap: every comparison is played again with the fitted chances, the model refitted and
    /// the ranks counted. Seeded, so the same verdicts always show the same intervals.
    /// </summary>
    private static IReadOnlyDictionary<Guid, TeamConfidence> Confidence(
        IReadOnlyList<Comparison> comparisons, IReadOnlyDictionary<Guid, double> strength, IReadOnlyList<int> cutoffs, int samples, int seed)
    {
        var random = new Random(seed);
        var teams = strength.Keys.ToArray();
        var ranks = teams.ToDictionary(t => t, _ => new List<int>(samples));
        var replayed = new Comparison[comparisons.Count];
        for (var s = 0; s < samples; s++)
        {
            for (var i = 0; i < comparisons.Count; i++)
            {
                var c = comparisons[i];
                replayed[i] = random.NextDouble() < BradleyTerry.Beats(strength[c.Winner], strength[c.Loser]) ? c : c with { Winner = c.Loser, Loser = c.Winner };
            }
            var refit = BradleyTerry.Fit(replayed, iterations: 200);
            var order = teams.OrderByDescending(t => refit[t]).ToArray();
            for (var r = 0; r < order.Length; r++) ranks[order[r]].Add(r + 1);
        }
        return teams.ToDictionary(t => t, t => TeamConfidence.FromRanks(t, ranks[t], cutoffs));
    }
}
