namespace SocialInnovation.Grains.Judging.Ranking;

/// <summary>One team's line in the ranking, with the simple views beside the fitted one.</summary>
public sealed record RankedTeam(Guid Team, int Rank, double Quality, double Typical, double RawMean, double ZMean, int Judgments);

/// <summary>
/// Orders teams by fitted quality. Tie-break, in this order: higher raw mean (what the judges literally
/// gave), then more judgments (more evidence), then the earlier place in <c>pitchOrder</c> (a rule every team
/// knows before judging starts). No two teams share a rank.
/// </summary>
public static class TeamRanking
{
    private const double Tie = 1e-9;

    public static IReadOnlyList<RankedTeam> Rank(IReadOnlyList<Judgment> judgments, IReadOnlyList<Guid> pitchOrder) =>
        Rank(judgments, JudgeEffects.Fit(judgments), pitchOrder);

    public static IReadOnlyList<RankedTeam> Rank(IReadOnlyList<Judgment> judgments, JudgeEffectsFit fit, IReadOnlyList<Guid> pitchOrder)
    {
        var raw = RawScores.Means(judgments);
        var z = RawScores.ZMeans(judgments);
        var counts = judgments.GroupBy(j => j.Team).ToDictionary(g => g.Key, g => g.Count());
        var place = pitchOrder.Select((team, i) => (team, i)).ToDictionary(p => p.team, p => p.i);
        var ordered = fit.Quality.Keys.ToList();
        ordered.Sort((a, b) => Compare(b, a));
        return ordered.Select((team, i) => new RankedTeam(team, i + 1, fit.Quality[team], fit.Typical(team), raw[team], z[team], counts[team])).ToList();

        // Positive when a ranks above b... written as "b before a" above, so larger comes first.
        int Compare(Guid a, Guid b)
        {
            if (Math.Abs(fit.Quality[a] - fit.Quality[b]) > Tie) return fit.Quality[a].CompareTo(fit.Quality[b]);
            if (Math.Abs(raw[a] - raw[b]) > Tie) return raw[a].CompareTo(raw[b]);
            if (counts[a] != counts[b]) return counts[a].CompareTo(counts[b]);
            return PlaceOf(b).CompareTo(PlaceOf(a)); // earlier in pitch order counts as larger
        }

        int PlaceOf(Guid team) => place.TryGetValue(team, out var p) ? p : int.MaxValue;
    }
}
