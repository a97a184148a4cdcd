using SocialInnovation.Common;
using SocialInnovation.Grains.Judging.Ranking;
using SocialInnovation.Judging;

namespace SocialInnovation.Grains.Judging;

/// <summary>The organizer's side: the fitted leaderboard with confidence, tracks, judges, and every input score.</summary>
public sealed partial class JudgingGrain
{
    private (long Seq, Leaderboard Board, IReadOnlyDictionary<Guid, TeamConfidence> Confidence, JudgeEffectsFit? Fit, int Judgments)? _board;

    public Task<Outcome<Leaderboard>> GetLeaderboard() =>
        Task.FromResult<Outcome<Leaderboard>>(Round.Configured ? Board() : NotConfigured);

    /// <summary>The cached ranking with the judges' overview made now: who holds which team changes without a stored event.</summary>
    private Leaderboard Board() => CurrentBoard()!.Value.Board with { Judges = Judges(_board?.Fit) };

    private List<JudgeOverview> Judges(JudgeEffectsFit? fit)
    {
        var judges = Round.Sheets.Keys.Concat(Round.Pins.Select(p => p.JudgeId)).Concat(Round.MovedAway.Select(p => p.JudgeId)).Distinct();
        return judges.Select(judge =>
        {
            var sheet = Round.Sheets.GetValueOrDefault(judge);
            var entries = sheet?.Entries.Values.Select(e => e.Current).ToList() ?? [];
            var done = entries.Where(e => e.Status == EntryStatus.Scored).Select(e => e.TeamId).ToHashSet();
            var conflicts = Round.Conflicts.Where(c => c.JudgeId == judge).Select(c => c.TeamId).ToList();
            var movedAway = Round.MovedAway.Where(m => m.JudgeId == judge).Select(m => m.TeamId).ToList();
            var effect = fit?.Judges.GetValueOrDefault(judge);
            var holding = _holding.TryGetValue(judge, out var held) && !done.Contains(held) ? held : (Guid?)null;
            var open = Round.PitchOrder.Count - conflicts.Union(movedAway).Count();
            var progress = Round.Mode == JudgingMode.Pairwise
                ? new JudgeProgress(Round.Verdicts.Count(v => v.JudgeId == judge), Math.Max(0, open * (open - 1) / 2 - Round.Verdicts.Count(v => v.JudgeId == judge)), 0)
                : new JudgeProgress(done.Count, open - done.Count, entries.Count(e => e.Status is EntryStatus.Skipped or EntryStatus.Absent));
            return new JudgeOverview(judge, sheet?.Name ?? "",
                progress,
                effect?.Offset ?? 0, effect?.Scale ?? 0, conflicts, holding,
                Round.Pins.Where(p => p.JudgeId == judge && !done.Contains(p.TeamId)).Select(p => p.TeamId).ToList(), movedAway);
        }).OrderBy(j => j.Name, StringComparer.CurrentCulture).ToList();
    }

    public Task<IReadOnlyList<ScoreRecord>> GetScores() => Task.FromResult<IReadOnlyList<ScoreRecord>>(ScoreRecords().ToList());

    private IEnumerable<ScoreRecord> ScoreRecords() =>
        from sheet in Round.Sheets
        from entry in sheet.Value.Entries.Values
        where entry.Current.Status == EntryStatus.Scored
        let weighted = Round.Rubric.WeightedScore(entry.Current.Marks)
        where weighted is not null
        select new ScoreRecord(sheet.Key, sheet.Value.Name, entry.Current.TeamId, entry.Current.Marks, weighted.Value, entry.Current.At);

    /// <summary>
    /// The ranking's confidence for choosing a judge's next team. While few judgments are in (fewer than
    /// <see cref="ExactBelow"/>) it is fitted on every change, as the leaderboard is. Past that, fitting with its
    /// bootstrap takes long enough that doing it inside a score made 50 judges scoring 30 teams in 30 s wait
    /// seconds (the benchmark's judging load): the fit then runs beside the grain on a copy of the judgments,
    /// once one change per 40 judgments has come in since the last, and the choice uses the latest finished fit
    /// meanwhile. One judgment among hundreds moves the intervals little. The organizer's leaderboard is always
    /// fitted on everything.
    /// </summary>
    private IReadOnlyDictionary<Guid, TeamConfidence>? RecentConfidence()
    {
        if (_refit is { IsCompletedSuccessfully: true } done) (_assigning, _refit) = (done.Result, null);
        else if (_refit is { IsCompleted: true }) _refit = null; // a failed fit: the next change tries again
        var seq = _log.Position.Seq;
        if (_assigning is not { } used || used.Judgments < ExactBelow)
        {
            if (CurrentBoard() is not { } board) return null;
            _assigning = (seq, _board!.Value.Judgments, board.Confidence);
            return board.Confidence;
        }
        if (_refit is null && seq - used.Seq > used.Judgments / 40)
        {
            var judgments = Judgments();
            var cutoffs = Round.Cutoffs.ToList();
            _refit = Task.Run(() => (seq, judgments.Count, RankConfidence.Estimate(judgments, JudgeEffects.Fit(judgments), cutoffs)));
        }
        return used.Confidence;
    }

    private const int ExactBelow = 60;

    private (long Seq, int Judgments, IReadOnlyDictionary<Guid, TeamConfidence> Confidence)? _assigning;

    private Task<(long Seq, int Judgments, IReadOnlyDictionary<Guid, TeamConfidence> Confidence)>? _refit;

    private List<Judgment> Judgments() => ScoreRecords().Where(s => Round.PitchOrder.Contains(s.TeamId))
        .Select(s => new Judgment(s.JudgeId, s.TeamId, s.WeightedScore)).ToList();

    private static LeaderboardLine Line(RankedTeam r, TeamConfidence c) => new(r.Team, r.Rank, r.Quality, r.Typical, r.RawMean, r.ZMean,
        r.Judgments, c.RankLow, c.RankHigh, c.WithinTop, c.NeedsMoreJudgments);

    /// <summary>Computed once per change of the stream (the bootstrap is the costly part), then served from memory.</summary>
    private (Leaderboard Board, IReadOnlyDictionary<Guid, TeamConfidence> Confidence)? CurrentBoard()
    {
        if (!Round.Configured) return null;
        var seq = _log.Position.Seq;
        if (_board is { } cached && cached.Seq == seq) return (cached.Board, cached.Confidence);

        var judgments = Judgments();
        IReadOnlyList<LeaderboardLine> lines = [];
        IReadOnlyDictionary<Guid, TeamConfidence> confidence = new Dictionary<Guid, TeamConfidence>();
        JudgeEffectsFit? fit = null;
        if (Round.Mode == JudgingMode.Pairwise && Comparisons() is { Count: > 0 } comparisons)
        {
            var (pairRanked, pairConfidence) = PairwiseRanking.Rank(comparisons, Round.PitchOrder, Round.Cutoffs);
            confidence = pairConfidence;
            lines = pairRanked.Select(r => Line(r, confidence[r.Team])).ToList();
        }
        else if (Round.Mode == JudgingMode.Scores && judgments.Count > 0)
        {
            fit = JudgeEffects.Fit(judgments);
            confidence = RankConfidence.Estimate(judgments, fit, Round.Cutoffs);
            lines = TeamRanking.Rank(judgments, fit, Round.PitchOrder).Select(r => Line(r, confidence[r.Team])).ToList();
        }
        var ranked = lines.Select(l => l.TeamId).ToList();
        var tracks = Round.Tracks.Select(t => new TrackRanking(t.Id, t.Name, ranked.Where(t.Teams.Contains).ToList())).ToList();
        var board = new Leaderboard(Setup(), lines, Round.PitchOrder.Where(t => !ranked.Contains(t)).ToList(), tracks, [], Round.Conflicts.ToList());
        _board = (seq, board, confidence, fit, judgments.Count);
        return (board, confidence);
    }
}
