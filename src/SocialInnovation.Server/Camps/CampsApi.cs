using FluentValidation;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;

namespace SocialInnovation.Server.Camps;

/// <summary>Creating camps, reading them, and moving them through their phases.</summary>
public static class CampsApi
{
    public static RouteGroupBuilder MapCampsApi(this RouteGroupBuilder api)
    {
        var camps = api.MapGroup("/camps").WithTags("Camps");
        camps.MapPost("/", CreateCamp).PlatformOrganizer().WithSummary("Create a camp");
        camps.MapGet("/{campId:guid}", GetCamp).InCamp().WithSummary("A camp's snapshot");
        camps.MapGet("/{campId:guid}/events", GetEvents).InCamp().WithSummary("Events after a sequence number, or a snapshot");
        camps.MapPost("/{campId:guid}/phase", ChangePhase).InCamp(CampRole.Organizer).WithSummary("Move the camp to another phase");
        camps.MapPost("/{campId:guid}/teams", AddTeam).InCamp(CampRole.Organizer).WithSummary("Add a team");
        camps.MapGet("/{campId:guid}/members", GetMembers).InCamp(CampRole.Organizer).WithSummary("The camp's roster");
        return api;
    }

    private static async Task<IResult> CreateCamp(CreateCamp command, HttpContext http, IGrainFactory grains)
    {
        var caller = http.Caller();
        var created = await CampCreation.Create(grains, command, caller.PersonId, caller.Name);
        return created.Error is { } refused
            ? Problems.From(refused)
            : TypedResults.Created($"/api/camps/{created.Value!.CampId}", created.Value);
    }

    private static async Task<IResult> GetCamp(Guid campId, IGrainFactory grains) =>
        await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is { } snapshot
            ? TypedResults.Ok(snapshot)
            : Problems.From(SocialInnovation.Common.DomainError.UnknownCamp);

    private static async Task<IResult> GetEvents(Guid campId, [AsParameters] CatchUpQuery query, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<ICampGrain>(campId).GetEventsAfter(query.After));

    private static async Task<IResult> ChangePhase(Guid campId, ChangePhase command, HttpContext http, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<ICampGrain>(campId).ChangePhase(command, http.Caller().Name));

    private static async Task<IResult> AddTeam(Guid campId, AddTeam command, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<ICampGrain>(campId).AddTeam(command));

    private static async Task<IResult> GetMembers(Guid campId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICampGrain>(campId).GetMembers());
}

/// <summary>The query string of <c>GET /api/camps/{campId}/events?after=N</c>.</summary>
public sealed record CatchUpQuery(long? After);

public sealed class CatchUpQueryValidator : AbstractValidator<CatchUpQuery>
{
    public CatchUpQueryValidator()
    {
        RuleFor(q => q.After).GreaterThanOrEqualTo(0L).When(q => q.After is not null);
    }
}
