namespace SocialInnovation.Judging;

/// <summary>The setup every judge's tablet and the organizer's page work from.</summary>
[GenerateSerializer, Immutable]
public sealed record JudgingSetup(
    Rubric Rubric,
    IReadOnlyList<Track> Tracks,
    IReadOnlyList<Guid> PitchOrder,
    IReadOnlyList<int> Cutoffs,
    double AudienceWeight,
    bool Locked,
    long Version,
    JudgingMode Mode = JudgingMode.Scores);

public enum EntryStatus { Scored, Skipped, Absent, Withdrawn }

/// <summary>
/// One judge's entry for one team. <see cref="Version"/> grows with every change (score, revision, skip,
/// undo); a tablet sends the version it showed with its next change.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SheetEntry(
    Guid TeamId,
    EntryStatus Status,
    IReadOnlyDictionary<string, int> Marks,
    string? Comment,
    double? WeightedScore,
    long Version,
    DateTimeOffset At);

[GenerateSerializer, Immutable]
public sealed record JudgeProgress(int Scored, int Remaining, int Skipped);

/// <summary>
/// What a judge's tablet shows: the setup, their own entries, the team to score next, and progress. In
/// pairwise mode <see cref="Pair"/> holds the two teams to compare next and <see cref="Verdicts"/> the
/// judge's verdicts so far (progress counts verdicts, and as skipped the pairs skipped and teams reported
/// absent; <see cref="Next"/> is null); <see cref="SkippedPairs"/> the pairs skipped for now, so a tablet
/// offline chooses its next pair as the server would avoid them; <see cref="Standings"/> what the server's
/// choice of the next pair went by, so a tablet offline chooses by the same rule.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record JudgeSheet(
    JudgingSetup Setup,
    IReadOnlyList<SheetEntry> Entries,
    IReadOnlyList<Guid> Conflicts,
    Guid? Next,
    JudgeProgress Progress,
    IReadOnlyList<Guid>? Pair = null,
    IReadOnlyList<PairVerdict>? Verdicts = null,
    IReadOnlyList<SkippedPair>? SkippedPairs = null,
    IReadOnlyList<PairStanding>? Standings = null);

/// <summary>A line of the organizer's leaderboard: fitted rank with its interval, and the simple views beside it.</summary>
[GenerateSerializer, Immutable]
public sealed record LeaderboardLine(
    Guid TeamId,
    int Rank,
    double Quality,
    double Typical,
    double RawMean,
    double ZMean,
    int Judgments,
    int RankLow,
    int RankHigh,
    IReadOnlyDictionary<int, double> WithinTop,
    bool NeedsMoreJudgments);

[GenerateSerializer, Immutable]
public sealed record TrackRanking(string TrackId, string Name, IReadOnlyList<Guid> Order);

/// <param name="Holding">The team the judge was last sent to and has not scored yet (who still has to score whom).</param>
/// <param name="Pinned">Teams the organizer sent to this judge that they have not scored yet.</param>
/// <param name="MovedAway">Teams the organizer moved away from this judge.</param>
[GenerateSerializer, Immutable]
public sealed record JudgeOverview(
    Guid JudgeId,
    string Name,
    JudgeProgress Progress,
    double Offset,
    double Scale,
    IReadOnlyList<Guid> Conflicts,
    Guid? Holding,
    IReadOnlyList<Guid> Pinned,
    IReadOnlyList<Guid> MovedAway);

/// <summary>A reason a judge is kept off a team, shown to the organizer.</summary>
[GenerateSerializer, Immutable]
public sealed record ConflictRecord(Guid JudgeId, Guid TeamId, string Reason, DateTimeOffset At);

/// <summary>The organizer's view while judging runs: never shown to participants.</summary>
[GenerateSerializer, Immutable]
public sealed record Leaderboard(
    JudgingSetup Setup,
    IReadOnlyList<LeaderboardLine> Lines,
    IReadOnlyList<Guid> Unjudged,
    IReadOnlyList<TrackRanking> Tracks,
    IReadOnlyList<JudgeOverview> Judges,
    IReadOnlyList<ConflictRecord> Conflicts);

/// <summary>
/// One change on a judge's sheet: nothing a judge does vanishes silently. A pairwise verdict names the
/// better team in <see cref="TeamId"/> and the other one in <see cref="Other"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AuditEntry(
    DateTimeOffset At,
    Guid JudgeId,
    string JudgeName,
    Guid TeamId,
    string Action,
    IReadOnlyDictionary<string, int>? Marks,
    string? Comment,
    long Version,
    Guid? Other = null);

/// <summary>Every input score, for checking the ranking outside the product (CSV/JSON export).</summary>
[GenerateSerializer, Immutable]
public sealed record ScoreRecord(Guid JudgeId, string JudgeName, Guid TeamId, IReadOnlyDictionary<string, int> Marks, double WeightedScore, DateTimeOffset At);

/// <summary>The payload of the organizer-only <c>judging</c> stream: progress, never scores.</summary>
[GenerateSerializer, Immutable]
public sealed record JudgingProgress(int Scored, int Expected, bool Locked, long Version);
