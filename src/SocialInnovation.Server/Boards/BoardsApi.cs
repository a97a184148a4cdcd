using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Boards;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;

namespace SocialInnovation.Server.Boards;

/// <summary>
/// A team's board (cards, columns, sprint notes) and the organizer's plan for every board of a camp.
/// Changes are answered once stored; watchers see them on the board's stream.
/// </summary>
public static class BoardsApi
{
    public static RouteGroupBuilder MapBoardsApi(this RouteGroupBuilder api)
    {
        var board = api.MapGroup("/camps/{campId:guid}/teams/{teamId:guid}/board").WithTags("Boards");
        board.MapGet("/", Get).InCamp().WithSummary("A team's board: columns, backlog, cards, sprints (team, organizers, mentors; others if allowed)");
        board.MapPost("/cards", (Guid campId, Guid teamId, CreateCard c, HttpContext http, IGrainFactory g, BoardAccess a) =>
            Run(g, a, campId, teamId, http, b => b.CreateCard(c, Actor(http)))).InTeam(CampRole.Organizer).WithSummary("Add a card");
        board.MapPost("/cards/edit", (Guid campId, Guid teamId, EditCard c, HttpContext http, IGrainFactory g, BoardAccess a) =>
            Run(g, a, campId, teamId, http, b => b.EditCard(c, Actor(http)), async b => await b.GetCard(c.CardId))).InTeam(CampRole.Organizer).WithSummary("Edit a card (card.stale with the current card if it changed meanwhile)");
        board.MapPost("/cards/move", (Guid campId, Guid teamId, MoveCard c, HttpContext http, IGrainFactory g, BoardAccess a) =>
            Run(g, a, campId, teamId, http, b => b.MoveCard(c, Actor(http)), async b => await b.GetCard(c.CardId))).InTeam(CampRole.Organizer).WithSummary("Move or reorder a card (board.wip-limit, card.stale)");
        board.MapPost("/cards/comments", (Guid campId, Guid teamId, CommentCard c, HttpContext http, IGrainFactory g, BoardAccess a) =>
            Run(g, a, campId, teamId, http, b => b.CommentCard(c, Actor(http)))).InTeam(CampRole.Organizer, CampRole.Mentor).WithSummary("Comment on a card (mentors too)");
        board.MapPut("/columns", (Guid campId, Guid teamId, SetColumns c, HttpContext http, IGrainFactory g, BoardAccess a) =>
            Run(g, a, campId, teamId, http, b => b.SetColumns(c, Actor(http)))).InTeam(CampRole.Organizer).WithSummary("Rename, add, reorder or drop columns; WIP limits");
        board.MapPost("/sprint-notes", (Guid campId, Guid teamId, WriteSprintNotes c, HttpContext http, IGrainFactory g, BoardAccess a) =>
            Run(g, a, campId, teamId, http, b => b.WriteSprintNotes(c, Actor(http)), async b => await b.GetSprint(c.Number))).InTeam(CampRole.Organizer).WithSummary("A sprint's goal, review and retrospective notes (sprint.notes-stale with the current sprint if they changed meanwhile)");

        board.MapPost("/presence", Presence).InCamp().WithSummary("I am looking at this board (and dragging this card), or I left; every ~15 s while open");

        var camp = api.MapGroup("/camps/{campId:guid}/boards").WithTags("Boards");
        camp.MapGet("/", Overview).InCamp(CampRole.Mentor, CampRole.Organizer).WithSummary("The plan and every team's board (the big screen)");
        camp.MapPut("/plan", Configure).InCamp(CampRole.Organizer).WithSummary("WIP limits warn only, others may view, the sprint schedule");
        camp.MapPost("/sprint", RunSprint).InCamp(CampRole.Organizer).WithSummary("Start a sprint for every team, or stop the running one");
        return api;
    }

    private static BoardActor Actor(HttpContext http) => new(http.Caller().PersonId, http.Caller().Name);

    private static async Task<Results<Ok<BoardView>, Refusal>> Get(Guid campId, Guid teamId, HttpContext http, IGrainFactory grains, BoardAccess access)
    {
        if (await access.MayView(campId, teamId, http.Caller()) is { } refused) return Problems.From(refused);
        return TypedResults.Ok(await grains.Board(campId, teamId).GetView());
    }

    private static async Task<Results<Ok<BoardPresence>, Refusal>> Presence(Guid campId, Guid teamId, ReportPresence report, HttpContext http, IGrainFactory grains, BoardAccess access)
    {
        var caller = http.Caller();
        if (await access.MayView(campId, teamId, caller) is { } refused) return Problems.From(refused);
        return TypedResults.Ok(await grains.Presence(campId, teamId).Report(caller.PersonId, caller.Name, report));
    }

    /// <param name="current">For a write based on a version: what it was based on as it now is (the card, the sprint), for a stale refusal.</param>
    private static async Task<Results<Ok<BoardAck>, Refusal>> Run(IGrainFactory grains, BoardAccess access, Guid campId, Guid teamId, HttpContext http,
        Func<IBoardGrain, Task<Outcome<BoardAck>>> command, Func<IBoardGrain, Task<object?>>? current = null)
    {
        if (!await access.IsTeamOf(campId, teamId)) return Problems.From(BoardAccess.UnknownTeam);
        var board = grains.Board(campId, teamId);
        var outcome = await command(board);
        if (outcome.Error is { Code: "card.stale" or "sprint.notes-stale" } stale && current is not null)
            return Stale(stale, await current(board));
        return Problems.Ok(outcome);
    }

    /// <summary>A stale write is answered with the card (or sprint) as it now is, so the person sees the other change and can reapply.</summary>
    private static Refusal Stale(DomainError error, object? current)
    {
        var refusal = Problems.From(error);
        refusal.Value.Extensions["current"] = current;
        return refusal;
    }

    private static async Task<Ok<BoardsOverview>> Overview(Guid campId, IGrainFactory grains)
    {
        var teams = (await grains.GetGrain<ICampGrain>(campId).GetSnapshot())?.Teams ?? [];
        var boards = await Task.WhenAll(teams.Select(async t => new TeamBoard(t.TeamId, t.Name, await grains.Board(campId, t.TeamId).GetView())));
        return TypedResults.Ok(new BoardsOverview(await grains.GetGrain<ICampBoardsGrain>(campId).GetPlan(), boards));
    }

    private static async Task<Results<Ok<CampBoardPlan>, Refusal>> Configure(Guid campId, ConfigureBoards command, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<ICampBoardsGrain>(campId).Configure(command, await TeamIds(grains, campId)));

    private static async Task<Results<Ok<CampBoardPlan>, Refusal>> RunSprint(Guid campId, RunSprint command, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<ICampBoardsGrain>(campId).RunSprint(command, await TeamIds(grains, campId)));

    private static async Task<IReadOnlyList<Guid>> TeamIds(IGrainFactory grains, Guid campId) =>
        (await grains.GetGrain<ICampGrain>(campId).GetSnapshot())?.Teams.Select(t => t.TeamId).ToList() ?? [];
}

public sealed record TeamBoard(Guid TeamId, string Name, BoardView Board);

public sealed record BoardsOverview(CampBoardPlan Plan, IReadOnlyList<TeamBoard> Teams);
