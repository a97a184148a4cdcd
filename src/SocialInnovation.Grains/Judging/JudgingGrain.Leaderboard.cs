using SocialInnovation.Common;
using SocialInnovation.Grains.Judging.Ranking;
using SocialInnovation.Judging;

namespace SocialInnovation.Grains.Judging;

/// <summary>The organizer's side: the fitted leaderboard with confidence, tracks, judges, and every input score.</summary>
public sealed partial class JudgingGrain
{
    private (long Seq, Leaderboard Board, IReadOnlyDictionary<Guid, TeamConfidence> Confidence)? _board;

    public Task<Outcome<Leaderboard>> GetLeaderboard() =>
        Task.FromResult<Outcome<Leaderboard>>(Round.Configured ? CurrentBoard()!.Value.Board : NotConfigured);

    public Task<IReadOnlyList<ScoreRecord>> GetScores() => Task.FromResult<IReadOnlyList<ScoreRecord>>(ScoreRecords().ToList());

    private IEnumerable<ScoreRecord> ScoreRecords() =>
        from sheet in Round.Sheets
        from entry in sheet.Value.Entries.Values
        where entry.Current.Status == EntryStatus.Scored
        let weighted = Round.Rubric.WeightedScore(entry.Current.Marks)
        where weighted is not null
        select new ScoreRecord(sheet.Key, sheet.Value.Name, entry.Current.TeamId, entry.Current.Marks, weighted.Value, entry.Current.At);

    /// <summary>Computed once per change of the stream (the bootstrap is the costly part), then served from memory.</summary>
    private (Leaderboard Board, IReadOnlyDictionary<Guid, TeamConfidence> Confidence)? CurrentBoard()
    {
        if (!Round.Configured) return null;
        var seq = _log.Position.Seq;
        if (_board is { } cached && cached.Seq == seq) return (cached.Board, cached.Confidence);

        var judgments = ScoreRecords().Where(s => Round.PitchOrder.Contains(s.TeamId))
            .Select(s => new Judgment(s.JudgeId, s.TeamId, s.WeightedScore)).ToList();
        IReadOnlyList<LeaderboardLine> lines = [];
        IReadOnlyDictionary<Guid, TeamConfidence> confidence = new Dictionary<Guid, TeamConfidence>();
        JudgeEffectsFit? fit = null;
        if (judgments.Count > 0)
        {
            fit = JudgeEffects.Fit(judgments);
            confidence = RankConfidence.Estimate(judgments, fit, Round.Cutoffs);
            lines = TeamRanking.Rank(judgments, fit, Round.PitchOrder).Select(r =>
            {
                var c = confidence[r.Team];
                return new LeaderboardLine(r.Team, r.Rank, r.Quality, r.Typical, r.RawMean, r.ZMean, r.Judgments,
                    c.RankLow, c.RankHigh, c.WithinTop, c.NeedsMoreJudgments);
            }).ToList();
        }
        var ranked = lines.Select(l => l.TeamId).ToList();
        var tracks = Round.Tracks.Select(t => new TrackRanking(t.Id, t.Name, ranked.Where(t.Teams.Contains).ToList())).ToList();
        var judges = Round.Sheets.Select(s =>
        {
            var entries = s.Value.Entries.Values.Select(e => e.Current).ToList();
            var conflicts = Round.Conflicts.Where(c => c.JudgeId == s.Key).Select(c => c.TeamId).ToList();
            var scored = entries.Count(e => e.Status == EntryStatus.Scored);
            var effect = fit?.Judges.GetValueOrDefault(s.Key);
            return new JudgeOverview(s.Key, s.Value.Name,
                new JudgeProgress(scored, Round.PitchOrder.Count - conflicts.Count - scored, entries.Count(e => e.Status is EntryStatus.Skipped or EntryStatus.Absent)),
                effect?.Offset ?? 0, effect?.Scale ?? 0, conflicts);
        }).OrderBy(j => j.Name, StringComparer.CurrentCulture).ToList();
        var board = new Leaderboard(Setup(), lines, Round.PitchOrder.Where(t => !ranked.Contains(t)).ToList(), tracks, judges, Round.Conflicts.ToList());
        _board = (seq, board, confidence);
        return (board, confidence);
    }
}
