using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Judging;
using SocialInnovation.Mentors;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;

namespace SocialInnovation.Server.Judging;

/// <summary>
/// Judging: the organizer's setup, lock, leaderboard, audit and export; the judge's sheet and scores.
/// Participants see none of it (results are published later).
/// </summary>
public static class JudgingApi
{
    public static RouteGroupBuilder MapJudgingApi(this RouteGroupBuilder api)
    {
        var judging = api.MapGroup("/camps/{campId:guid}/judging").WithTags("Judging");
        judging.MapGet("/setup", GetSetup).InCamp(CampRole.Judge, CampRole.Organizer).WithSummary("The rubric, tracks, pitch order, cut-offs and audience weight (defaults before the organizer saves one)");
        judging.MapPut("/setup", Configure).InCamp(CampRole.Organizer).WithSummary("Set up judging (refused once judges scored if the rubric changes)");
        judging.MapPost("/lock", Lock).InCamp(CampRole.Organizer).WithSummary("Lock judging, or reopen it");
        judging.MapGet("/leaderboard", Leaderboard).InCamp(CampRole.Organizer).WithSummary("The fitted ranking with intervals, raw means and z-scores, tracks and judges' progress");
        judging.MapPost("/assignments", Assign).InCamp(CampRole.Organizer).WithSummary("Pin a team to a judge (sent to them next), or move it away from one");
        judging.MapGet("/scores", Scores).InCamp(CampRole.Organizer).WithSummary("Every input score (each criterion's mark, the weighted score, who and when), as JSON, to check the ranking outside the product");
        judging.MapGet("/scores.csv", ScoresCsv).InCamp(CampRole.Organizer).Produces<string>(StatusCodes.Status200OK, "text/csv").WithSummary("Every input score and the ranking, as CSV");
        judging.MapGet("/audit", Audit).InCamp(CampRole.Organizer).WithSummary("Every score, revision, undo, skip and conflict, oldest first");
        judging.MapGet("/sheet", Sheet).InCamp(CampRole.Judge).WithSummary("The judge's own entries, the next team and progress");
        judging.MapPost("/scores", Score).InCamp(CampRole.Judge).WithSummary("Score a team, or revise one's score (based on the version shown)");
        judging.MapPost("/skips", Skip).InCamp(CampRole.Judge).WithSummary("Skip a team for now, or report it absent");
        judging.MapPost("/undo", Undo).InCamp(CampRole.Judge).WithSummary("Take back one's last change to a team");
        judging.MapPost("/comparisons", Compare).InCamp(CampRole.Judge).WithSummary("Pairwise mode: say which of two teams pitched better (again for the same pair: a revision)");
        judging.MapPost("/pair-skips", SkipPair).InCamp(CampRole.Judge).WithSummary("Pairwise mode: skip the pair shown for now (based on the version of one's verdict on it, 0 for none)");
        judging.MapPost("/conflicts", Declare).InCamp(CampRole.Judge).WithSummary("Declare a conflict with a team");
        return api;
    }

    private static IJudgingGrain Round(IGrainFactory grains, Guid campId) => grains.GetGrain<IJudgingGrain>(campId);

    private static async Task<Results<Ok<JudgingSetup>, Refusal>> GetSetup(Guid campId, IGrainFactory grains)
    {
        if (await Round(grains, campId).GetSetup() is { } setup) return TypedResults.Ok(setup);
        if (await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is not { } camp) return Problems.From(DomainError.UnknownCamp);
        // Not saved yet: what saving with no changes would give, version 0.
        return TypedResults.Ok(new JudgingSetup(Rubric.Default, [], camp.Teams.Select(t => t.TeamId).ToList(), [1, 3], 0.2, false, 0));
    }

    private static async Task<Results<Ok<JudgingSetup>, Refusal>> Configure(Guid campId, ConfigureJudging command, IGrainFactory grains)
    {
        if (await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is not { } camp) return Problems.From(DomainError.UnknownCamp);
        return Problems.Ok(await Round(grains, campId).Configure(command, camp.Teams.Select(t => t.TeamId).ToList()));
    }

    private static async Task<Results<Ok<JudgingSetup>, Refusal>> Lock(Guid campId, LockJudging command, IGrainFactory grains) =>
        Problems.Ok(await Round(grains, campId).Lock(command));

    private static async Task<Results<Ok<Leaderboard>, Refusal>> Leaderboard(Guid campId, IGrainFactory grains)
    {
        var board = await Round(grains, campId).GetLeaderboard();
        if (board.Error is { } refused) return Problems.From(refused);
        return TypedResults.Ok(await WithRecusals(board.Value!, campId, grains));
    }

    /// <summary>
    /// The organizer sees why a judge is kept off a team: declared conflicts come from the round, recusals
    /// from the mentor–team records (kept by the mentors capability, read here so neither copies the other).
    /// </summary>
    private static async Task<Leaderboard> WithRecusals(Leaderboard board, Guid campId, IGrainFactory grains)
    {
        var judges = board.Judges.Select(j => j.JudgeId).ToHashSet();
        var recusals = (await grains.GetGrain<IMentorshipGrain>(campId).GetRecords())
            .Where(r => judges.Contains(r.MentorId))
            .DistinctBy(r => (r.MentorId, r.TeamId))
            .Where(r => !board.Conflicts.Any(c => c.JudgeId == r.MentorId && c.TeamId == r.TeamId))
            .Select(r => new ConflictRecord(r.MentorId, r.TeamId, "Mentored this team", r.At))
            .ToList();
        if (recusals.Count == 0) return board;
        return board with
        {
            Conflicts = [.. board.Conflicts, .. recusals],
            Judges = board.Judges.Select(j => j with
            {
                Conflicts = [.. j.Conflicts, .. recusals.Where(r => r.JudgeId == j.JudgeId).Select(r => r.TeamId)],
            }).ToList(),
        };
    }

    private static async Task<Results<Ok<Leaderboard>, Refusal>> Assign(Guid campId, AssignTeam command, IGrainFactory grains)
    {
        // Both judges must be judges of THIS camp; the teams the new one mentored travel along so a pin never breaks a recusal.
        JudgeContext? from = null, to = null;
        if (command?.From is { } fromId)
        {
            if (await JudgeIn(grains, campId, fromId) is not { } person) return Problems.From(UnknownJudge);
            from = new JudgeContext(fromId, person.Name, []);
        }
        if (command?.To is { } toId)
        {
            if (await JudgeIn(grains, campId, toId) is not { } person) return Problems.From(UnknownJudge);
            to = new JudgeContext(toId, person.Name, await grains.GetGrain<IMentorshipGrain>(campId).TeamsMentoredBy(toId));
        }
        var board = await Round(grains, campId).Assign(command!, from, to);
        if (board.Error is { } refused) return Problems.From(refused);
        return TypedResults.Ok(await WithRecusals(board.Value!, campId, grains));
    }

    private static async Task<PersonProfile?> JudgeIn(IGrainFactory grains, Guid campId, Guid personId) =>
        personId != Guid.Empty && await grains.GetGrain<IPersonGrain>(personId).GetProfile() is { } person
            && person.Camps.GetValueOrDefault(campId) == CampRole.Judge ? person : null;

    private static DomainError UnknownJudge => DomainError.NotFound("judge.unknown", "There is no such judge in this camp.");

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> Audit(Guid campId, IGrainFactory grains) =>
        TypedResults.Ok(await Round(grains, campId).GetAudit());

    private static async Task<Ok<IReadOnlyList<ScoreRecord>>> Scores(Guid campId, IGrainFactory grains) =>
        TypedResults.Ok(await Round(grains, campId).GetScores());

    private static async Task<Results<ContentHttpResult, Refusal>> ScoresCsv(Guid campId, IGrainFactory grains, HttpContext http)
    {
        var round = Round(grains, campId);
        var board = await round.GetLeaderboard();
        if (board.Error is { } refused) return Problems.From(refused);
        var camp = await grains.GetGrain<ICampGrain>(campId).GetSnapshot();
        var names = camp?.Teams.ToDictionary(t => t.TeamId, t => t.Name) ?? [];
        http.Response.Headers.ContentDisposition = "attachment; filename=\"judging-scores.csv\"";
        return TypedResults.Text(JudgingCsv.Write(board.Value!, await round.GetScores(), await round.GetComparisons(), names), "text/csv; charset=utf-8");
    }

    private static async Task<Results<Ok<JudgeSheet>, Refusal>> Sheet(Guid campId, HttpContext http, IGrainFactory grains) =>
        Problems.Ok(await Round(grains, campId).GetSheet(await Judge(http, grains, campId)));

    private static async Task<Results<Ok<JudgeSheet>, Refusal>> Score(Guid campId, ScoreTeam command, HttpContext http, IGrainFactory grains)
    {
        if (await Closed(grains, campId) is { } closed) return Problems.From(closed);
        return Problems.Ok(await Round(grains, campId).Score(await Judge(http, grains, campId), command));
    }

    private static async Task<Results<Ok<JudgeSheet>, Refusal>> Skip(Guid campId, SkipTeam command, HttpContext http, IGrainFactory grains)
    {
        if (await Closed(grains, campId) is { } closed) return Problems.From(closed);
        return Problems.Ok(await Round(grains, campId).Skip(await Judge(http, grains, campId), command));
    }

    private static async Task<Results<Ok<JudgeSheet>, Refusal>> Undo(Guid campId, UndoScore command, HttpContext http, IGrainFactory grains)
    {
        if (await Closed(grains, campId) is { } closed) return Problems.From(closed);
        return Problems.Ok(await Round(grains, campId).Undo(await Judge(http, grains, campId), command));
    }

    private static async Task<Results<Ok<JudgeSheet>, Refusal>> SkipPair(Guid campId, SkipPair command, HttpContext http, IGrainFactory grains)
    {
        if (await Closed(grains, campId) is { } closed) return Problems.From(closed);
        var judge = await Judge(http, grains, campId);
        var round = Round(grains, campId);
        return await WithVerdict(await round.SkipPair(judge, command), round, judge, command.First, command.Second);
    }

    private static async Task<Results<Ok<JudgeSheet>, Refusal>> Compare(Guid campId, CompareTeams command, HttpContext http, IGrainFactory grains)
    {
        if (await Closed(grains, campId) is { } closed) return Problems.From(closed);
        var judge = await Judge(http, grains, campId);
        var round = Round(grains, campId);
        return await WithVerdict(await round.Compare(judge, command), round, judge, command.First, command.Second);
    }

    /// <summary>
    /// A verdict or pair skip refused as stale (the pair was judged on another of the judge's devices meanwhile)
    /// is answered with the verdict as it now is (<c>current</c>, null for none), so the tablet can show both and
    /// let the judge decide again.
    /// </summary>
    private static async Task<Results<Ok<JudgeSheet>, Refusal>> WithVerdict(Outcome<JudgeSheet> outcome, IJudgingGrain round, JudgeContext judge, Guid first, Guid second)
    {
        if (outcome.Error is not { Code: "verdict.stale" or "pair.stale" } stale) return Problems.Ok(outcome);
        var refusal = Problems.From(stale);
        refusal.Value.Extensions["current"] = await round.GetVerdict(judge, first, second);
        return refusal;
    }

    private static async Task<Results<Ok<JudgeSheet>, Refusal>> Declare(Guid campId, DeclareConflict command, HttpContext http, IGrainFactory grains) =>
        Problems.Ok(await Round(grains, campId).Declare(await Judge(http, grains, campId), command));

    /// <summary>Judges score during the pitches and the judging phase; before and after, scores cannot change.</summary>
    private static async Task<DomainError?> Closed(IGrainFactory grains, Guid campId) =>
        await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is { Phase: CampPhase.Pitches or CampPhase.Judging }
            ? null
            : DomainError.Conflict("judging.closed", "Scores are taken during the Pitches and Judging phases only.");

    /// <summary>
    /// The calling judge, with the teams they mentored (from the mentor–team records) recused. Looked up on
    /// every request, so a mentoring contact recorded late still keeps the judge off that team.
    /// </summary>
    private static async Task<JudgeContext> Judge(HttpContext http, IGrainFactory grains, Guid campId)
    {
        var caller = http.Caller();
        var mentored = await grains.GetGrain<IMentorshipGrain>(campId).TeamsMentoredBy(caller.PersonId);
        return new JudgeContext(caller.PersonId, caller.Name, mentored);
    }
}
