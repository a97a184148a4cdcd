namespace SocialInnovation.Grains.Judging.Ranking;

/// <summary>
/// Which team a judge who asks for the next one should score. First every team gets two judges (the team
/// with the fewest judgments so far, then pitch order — so judges' loads stay even); after that, the team
/// where one more judgment most reduces the chance of a team sitting on the wrong side of a cut-off:
/// the largest <see cref="TeamConfidence.Uncertainty"/> per judgment it already has. Never a team the
/// judge has a conflict with (declared, or mentored it) and never one the judge already scored.
/// </summary>
public static class NextTeam
{
    public const int FirstRound = 2;

    /// <param name="pitchOrder">The teams that can still be judged, in pitch order (absent teams left out).</param>
    /// <param name="judgedBy">Per team, the judges who scored it or hold it now.</param>
    /// <param name="excluded">Teams this judge may not be given (conflicts, recusals).</param>
    /// <param name="confidence">The current confidence, or null before there is any.</param>
    public static Guid? Choose(
        Guid judge,
        IReadOnlyList<Guid> pitchOrder,
        IReadOnlyDictionary<Guid, IReadOnlySet<Guid>> judgedBy,
        IReadOnlySet<Guid> excluded,
        IReadOnlyDictionary<Guid, TeamConfidence>? confidence)
    {
        var open = pitchOrder
            .Select((team, place) => (team, place, n: judgedBy.TryGetValue(team, out var js) ? js.Count : 0,
                mine: judgedBy.TryGetValue(team, out var by) && by.Contains(judge)))
            .Where(t => !t.mine && !excluded.Contains(t.team))
            .ToList();
        if (open.Count == 0) return null;

        var firstRound = open.Where(t => t.n < FirstRound).ToList();
        if (firstRound.Count > 0) return firstRound.OrderBy(t => t.n).ThenBy(t => t.place).First().team;

        if (confidence is null) return open.OrderBy(t => t.n).ThenBy(t => t.place).First().team;
        return open
            .OrderByDescending(t => (confidence.TryGetValue(t.team, out var c) ? c.Uncertainty : 0) / (t.n + 1))
            .ThenBy(t => t.n).ThenBy(t => t.place)
            .First().team;
    }
}
