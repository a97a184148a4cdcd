using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;
using SocialInnovation.Teams;

namespace SocialInnovation.Server.Teams;

/// <summary>
/// Team formation: participants rank the teams' themes, the organizer asks for a suggestion, adjusts it
/// and publishes it. The camp's teams are whatever the camp has (made from the vote, or added by hand).
/// </summary>
public static class FormationApi
{
    public static RouteGroupBuilder MapFormationApi(this RouteGroupBuilder api)
    {
        var formation = api.MapGroup("/camps/{campId:guid}/team-formation").WithTags("Teams");
        formation.MapGet("/", Status).InCamp().WithSummary("Whether the teams are published, how many have ranked, the teams with their members");
        formation.MapGet("/ranking", MyRanking).InCamp(CampRole.Participant).WithSummary("One's own ranking of the teams");
        formation.MapPut("/ranking", Rank).InCamp(CampRole.Participant).WithSummary("Rank up to three teams, best first (until the teams are published)");
        formation.MapPost("/suggestion", Suggest).InCamp(CampRole.Organizer).WithSummary("Suggest teams from the rankings; changes nothing");
        formation.MapPost("/publish", Publish).InCamp(CampRole.Organizer).WithSummary("Place every participant in their team and tell everyone");
        return api;
    }

    private static async Task<Ok<FormationStatus>> Status(Guid campId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ITeamFormationGrain>(campId).GetStatus());

    private static async Task<Ok<MyRanking>> MyRanking(Guid campId, HttpContext http, IGrainFactory grains)
    {
        var formation = grains.GetGrain<ITeamFormationGrain>(campId);
        var status = await formation.GetStatus();
        return TypedResults.Ok(new MyRanking(await formation.GetRanking(http.Caller().PersonId), status.PublishedVersion > 0));
    }

    private static async Task<Results<Ok<ThemeRanking>, Refusal>> Rank(Guid campId, RankThemes command, HttpContext http, IGrainFactory grains)
    {
        var teams = await Teams(grains, campId);
        return Problems.Ok(await grains.GetGrain<ITeamFormationGrain>(campId)
            .Rank(http.Caller().PersonId, command, teams.Select(t => t.TeamId).ToList()));
    }

    private static async Task<Results<Ok<TeamSuggestion>, Refusal>> Suggest(Guid campId, SuggestTeams request, IGrainFactory grains)
    {
        var teams = await Teams(grains, campId);
        if (teams.Count == 0) return Problems.From(NoTeams);
        var people = await ParticipantProfiles.Load(grains, campId);
        return TypedResults.Ok(await grains.GetGrain<ITeamFormationGrain>(campId).Suggest(request, people, teams));
    }

    private static async Task<Results<Ok<FormationStatus>, Refusal>> Publish(Guid campId, PublishTeams command, IGrainFactory grains)
    {
        var teams = await Teams(grains, campId);
        if (teams.Count == 0) return Problems.From(NoTeams);
        var members = await grains.GetGrain<ICampGrain>(campId).GetMembers();
        var people = members.Where(m => m.Role == CampRole.Participant).ToDictionary(m => m.PersonId, m => m.Name);
        return Problems.Ok(await grains.GetGrain<ITeamFormationGrain>(campId).Publish(command, people, teams));
    }

    private static async Task<IReadOnlyList<TeamView>> Teams(IGrainFactory grains, Guid campId) =>
        (await grains.GetGrain<ICampGrain>(campId).GetSnapshot())?.Teams ?? [];

    private static readonly DomainError NoTeams = DomainError.Conflict("teams.none", "The camp has no teams yet: make them from the vote first.");
}

/// <param name="Published">Once the teams are published, the ranking can no longer be changed.</param>
public sealed record MyRanking(ThemeRanking? Ranking, bool Published);
