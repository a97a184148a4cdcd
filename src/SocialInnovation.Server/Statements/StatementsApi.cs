using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.People;
using SocialInnovation.Polls;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;
using SocialInnovation.Server.Teams;
using SocialInnovation.Statements;

namespace SocialInnovation.Server.Statements;

/// <summary>
/// Problem statements: participants propose them while the camp forms teams, organizers merge duplicates
/// (the dots move), and closing the vote makes the top K the camp's themes and teams.
/// </summary>
public static class StatementsApi
{
    public static RouteGroupBuilder MapStatementsApi(this RouteGroupBuilder api)
    {
        var statements = api.MapGroup("/camps/{campId:guid}/statements").WithTags("Statements");
        statements.MapGet("/", List).InCamp().WithSummary("The camp's problem statements, merged ones included, with the caller's own marked");
        statements.MapPost("/", Propose).InCamp(CampRole.Participant).WithSummary("Propose a problem statement (while the camp forms teams)");
        statements.MapPost("/merge", Merge).InCamp(CampRole.Organizer).WithSummary("Merge a duplicate into another statement; its dots move with it");
        statements.MapPost("/themes", ChooseThemes).InCamp(CampRole.Organizer).WithSummary("Close the vote; the top K statements become the camp's themes and teams");
        return api;
    }

    private static ICampStatementsGrain Of(IGrainFactory grains, Guid campId) => grains.GetGrain<ICampStatementsGrain>(campId);

    private static async Task<Ok<StatementsView>> List(Guid campId, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(StatementsView.Of(await Of(grains, campId).List(), http.Caller().PersonId));

    private static async Task<Results<Created<StatementView>, Refusal>> Propose(Guid campId, ProposeStatement command, HttpContext http, IGrainFactory grains)
    {
        // Statements are put up while the camp forms its teams, like the dots on them.
        if ((await grains.GetGrain<ICampGrain>(campId).GetSnapshot())?.Phase is not CampPhase.Teams and var phase)
            return Problems.From(DomainError.Conflict("statement.phase", $"Problem statements are proposed while the camp forms teams, not in the {phase} phase."));
        var caller = http.Caller();
        var proposed = await Of(grains, campId).Propose(caller.PersonId, caller.Name, command);
        if (proposed.Error is { } refused) return Problems.From(refused);
        return TypedResults.Created($"/api/camps/{campId}/statements", StatementView.Of(proposed.Value!, caller.PersonId));
    }

    private static async Task<Results<Ok<StatementsView>, Refusal>> Merge(Guid campId, MergeStatements command, HttpContext http, IGrainFactory grains)
    {
        var merged = await Of(grains, campId).Merge(command);
        return merged.Error is { } refused ? Problems.From(refused) : TypedResults.Ok(StatementsView.Of(merged.Value!, http.Caller().PersonId));
    }

    private static async Task<Results<Ok<ThemesChosen>, Refusal>> ChooseThemes(Guid campId, ChooseThemes command, HttpContext http, IGrainFactory grains)
    {
        var chosen = await ThemeChoice.Choose(grains, campId, command);
        if (chosen.Error is { } refused) return Problems.From(refused);
        var (list, teams) = chosen.Value;
        return TypedResults.Ok(new ThemesChosen(StatementsView.Of(list, http.Caller().PersonId), teams));
    }
}

/// <summary>The statements as the caller sees them.</summary>
public sealed record StatementsView(Guid? PollId, IReadOnlyList<StatementView> Statements, long Version)
{
    public static StatementsView Of(StatementList list, Guid callerId) =>
        new(list.PollId, list.Statements.Select(s => StatementView.Of(s, callerId)).ToList(), list.Version);
}

/// <param name="Mine">The caller proposed it (the author's id stays on the server).</param>
/// <param name="OptionId">Its option in the vote (<see cref="StatementsView.PollId"/>), once voting is open.</param>
/// <param name="MergedInto">The id of the statement it was merged into.</param>
/// <param name="Chosen">It became one of the camp's themes.</param>
public sealed record StatementView(
    string Id, string Title, string Description, string AffectedGroup, string AuthorName, bool Mine,
    DateTimeOffset ProposedAt, string? OptionId, string? MergedInto, bool Chosen)
{
    public static StatementView Of(ProblemStatement s, Guid callerId) =>
        new(s.Id, s.Title, s.Description, s.AffectedGroup, s.AuthorName, s.AuthorId == callerId, s.ProposedAt, s.OptionId, s.MergedInto, s.Chosen);
}

/// <param name="Teams">The camp's teams afterwards (the new ones among them).</param>
public sealed record ThemesChosen(StatementsView Statements, IReadOnlyList<TeamView> Teams);
