using SocialInnovation.Common;
using SocialInnovation.Live;

namespace SocialInnovation.Judging;

/// <summary>
/// A camp's judging round (keyed by the camp id): the setup, every judge's sheet, conflicts, the audit trail
/// and the leaderboard. Scores live here, never in the camp's state. Owns the organizer-only stream
/// <c>judging:&lt;camp&gt;</c>, whose events carry progress only.
/// </summary>
public interface IJudgingGrain : IGrainWithGuidKey, IStreamOwnerGrain
{
    /// <param name="teams">The camp's teams in the order they were added: the default pitch order, and the teams that exist.</param>
    Task<Outcome<JudgingSetup>> Configure(ConfigureJudging command, IReadOnlyList<Guid> teams);

    Task<JudgingSetup?> GetSetup();

    /// <summary>The judge's sheet, with the next team to score.</summary>
    Task<Outcome<JudgeSheet>> GetSheet(JudgeContext judge);

    Task<Outcome<JudgeSheet>> Score(JudgeContext judge, ScoreTeam command);

    Task<Outcome<JudgeSheet>> Skip(JudgeContext judge, SkipTeam command);

    Task<Outcome<JudgeSheet>> Undo(JudgeContext judge, UndoScore command);

    Task<Outcome<JudgeSheet>> Declare(JudgeContext judge, DeclareConflict command);

    /// <summary>Pairwise mode: the judge says which of two teams pitched better (again for the same pair: a revision).</summary>
    Task<Outcome<JudgeSheet>> Compare(JudgeContext judge, CompareTeams command);

    /// <summary>Pairwise mode: the judge skips a pair for now and is given another.</summary>
    Task<Outcome<JudgeSheet>> SkipPair(JudgeContext judge, SkipPair command);

    /// <summary>Pairwise mode: the judge's current verdict on two teams (either order), or null.</summary>
    Task<PairVerdict?> GetVerdict(JudgeContext judge, Guid first, Guid second);

    Task<Outcome<JudgingSetup>> Lock(LockJudging command);

    /// <summary>The organizer pins a team to a judge or moves it between judges.</summary>
    /// <param name="from">The judge who no longer gets the team, when the command names one.</param>
    /// <param name="to">The judge who gets the team (with the teams they mentored), when the command names one.</param>
    Task<Outcome<Leaderboard>> Assign(AssignTeam command, JudgeContext? from, JudgeContext? to);

    Task<Outcome<Leaderboard>> GetLeaderboard();

    Task<IReadOnlyList<AuditEntry>> GetAudit();

    Task<IReadOnlyList<ScoreRecord>> GetScores();

    /// <summary>Pairwise mode: every judge's current verdicts, for checking the ranking outside the product.</summary>
    Task<IReadOnlyList<ComparisonRecord>> GetComparisons();
}

/// <summary>
/// Who is judging, and the teams they must not judge because they mentored them (from the mentor records,
/// looked up by the caller on every request, so a session recorded late still recuses).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record JudgeContext(Guid JudgeId, string Name, IReadOnlyList<Guid> Recused);
