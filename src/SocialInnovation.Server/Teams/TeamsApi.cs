using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Teams;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;
using SocialInnovation.Teams;

namespace SocialInnovation.Server.Teams;

/// <summary>A team's page, and participants joining and leaving teams.</summary>
public static class TeamsApi
{
    public static RouteGroupBuilder MapTeamsApi(this RouteGroupBuilder api)
    {
        var team = api.MapGroup("/camps/{campId:guid}/teams/{teamId:guid}").WithTags("Teams");
        team.MapGet("/", Get).InCamp().WithSummary("A team with its members and captain");
        team.MapPost("/join", Join).InCamp(CampRole.Participant).WithSummary("Join a team (one team per participant)");
        team.MapPost("/leave", Leave).InTeam().WithSummary("Leave one's team");
        team.MapGet("/people", People).InCamp().WithSummary("A team's members with their country, skills and languages");
        team.MapPost("/captain", ChangeCaptain).InTeam(CampRole.Organizer)
            .WithSummary("Make a member captain: the captain passes it on, or an organizer sets it");
        return api;
    }

    /// <summary>Sets a team's grain up from the camp's summary; teams added before team grains existed get one on first use.</summary>
    public static Task OpenTeam(IGrainFactory grains, Guid campId, TeamView team, int capacity = TeamGrain.DefaultCapacity) =>
        grains.GetGrain<ITeamGrain>(team.TeamId).Open(campId, team, capacity);

    private static async Task<Results<Ok<TeamDetails>, Refusal>> Get(Guid campId, Guid teamId, IGrainFactory grains)
    {
        if (await Find(grains, campId, teamId) is not { } team) return Problems.From(Unknown);
        await OpenTeam(grains, campId, team);
        return TypedResults.Ok(await grains.GetGrain<ITeamGrain>(teamId).GetDetails());
    }

    private static async Task<Results<Ok<TeamDetails>, Refusal>> Join(Guid campId, Guid teamId, TeamMembershipChange change, HttpContext http, IGrainFactory grains)
    {
        var snapshot = await grains.GetGrain<ICampGrain>(campId).GetSnapshot();
        if (snapshot?.Teams.FirstOrDefault(t => t.TeamId == teamId) is not { } team) return Problems.From(Unknown);
        var caller = http.Caller();
        await OpenTeam(grains, campId, team);
        // One team per participant: the person's seat takes their joins one at a time.
        return await Reported(grains, campId, await grains.GetGrain<ITeamSeatGrain>(ITeamSeatGrain.KeyFor(campId, caller.PersonId))
            .Join(teamId, caller.Name, snapshot.Teams.Select(t => (t.TeamId, t.Name)).ToList()));
    }

    private static async Task<Results<Ok<TeamDetails>, Refusal>> Leave(Guid campId, Guid teamId, TeamMembershipChange change, HttpContext http, IGrainFactory grains) =>
        await Reported(grains, campId, await grains.GetGrain<ITeamSeatGrain>(ITeamSeatGrain.KeyFor(campId, http.Caller().PersonId)).Leave(teamId));

    private static async Task<Results<Ok<TeamPeople>, Refusal>> People(Guid campId, Guid teamId, IGrainFactory grains)
    {
        if (await Find(grains, campId, teamId) is not { } view) return Problems.From(Unknown);
        await OpenTeam(grains, campId, view);
        var team = (await grains.GetGrain<ITeamGrain>(teamId).GetDetails())!;
        return TypedResults.Ok(new TeamPeople(team, await ParticipantProfiles.Of(grains, campId, team.Members.Select(m => (m.PersonId, m.Name)))));
    }

    /// <summary>Organizers set the captain; a member may only if they are the captain (the team grain checks).</summary>
    private static async Task<Results<Ok<TeamDetails>, Refusal>> ChangeCaptain(Guid campId, Guid teamId, ChangeCaptain command, HttpContext http, IGrainFactory grains)
    {
        if (await Find(grains, campId, teamId) is not { } view) return Problems.From(Unknown);
        await OpenTeam(grains, campId, view);
        var caller = http.Caller();
        Guid? byCaptain = caller.Role == CampRole.Organizer ? null : caller.PersonId;
        return await Reported(grains, campId, await grains.GetGrain<ITeamGrain>(teamId).ChangeCaptain(command.CaptainId, byCaptain));
    }

    /// <summary>
    /// Tells the camp's <c>teams</c> stream about the team as it is now. After the change is stored: a retry
    /// reports again, and the formation grain keeps only the newest version.
    /// </summary>
    private static async Task<Results<Ok<TeamDetails>, Refusal>> Reported(IGrainFactory grains, Guid campId, Outcome<TeamDetails> outcome)
    {
        if (outcome.Value is { } team) await grains.GetGrain<ITeamFormationGrain>(campId).TeamChanged(team);
        return Problems.Ok(outcome);
    }

    private static async Task<TeamView?> Find(IGrainFactory grains, Guid campId, Guid teamId) =>
        (await grains.GetGrain<ICampGrain>(campId).GetSnapshot())?.Teams.FirstOrDefault(t => t.TeamId == teamId);

    private static readonly DomainError Unknown = DomainError.NotFound("team.unknown", "This camp has no such team.");
}

/// <summary>A team's page: the team and what each member brings (from their application, when they came through one).</summary>
public sealed record TeamPeople(TeamDetails Team, IReadOnlyList<ParticipantProfile> People);
