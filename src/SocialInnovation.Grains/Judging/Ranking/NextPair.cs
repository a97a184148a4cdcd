namespace SocialInnovation.Grains.Judging.Ranking;

/// <summary>
/// Which two teams a judge in pairwise mode compares next: the team with the fewest comparisons so far
/// (then pitch order, so every team is seen early and loads stay even), against the team closest to it in
/// strength that this judge has not compared it with (a close pair is where a verdict tells the most), then
/// fewest comparisons, then pitch order. Never a team the judge may not judge.
/// </summary>
public static class NextPair
{
    /// <param name="candidates">The teams this judge may be shown, in pitch order.</param>
    /// <param name="compared">Pairs this judge has already compared (either order).</param>
    /// <param name="counts">Comparisons per team so far (all judges, and pairs now being shown to others).</param>
    /// <param name="strength">The current Bradley–Terry strengths (teams without comparisons: 0).</param>
    public static (Guid First, Guid Second)? Choose(
        IReadOnlyList<Guid> candidates,
        IReadOnlySet<(Guid, Guid)> compared,
        IReadOnlyDictionary<Guid, int> counts,
        IReadOnlyDictionary<Guid, double> strength)
    {
        var place = candidates.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        int Count(Guid t) => counts.GetValueOrDefault(t);
        double Strength(Guid t) => strength.GetValueOrDefault(t);
        bool Open(Guid a, Guid b) => a != b && !compared.Contains((a, b)) && !compared.Contains((b, a));

        foreach (var first in candidates.OrderBy(Count).ThenBy(t => place[t]))
        {
            var partners = candidates.Where(b => Open(first, b)).ToList();
            if (partners.Count == 0) continue;
            var second = partners.OrderBy(b => Math.Abs(Strength(b) - Strength(first))).ThenBy(Count).ThenBy(b => place[b]).First();
            return place[first] < place[second] ? (first, second) : (second, first);
        }
        return null;
    }
}
