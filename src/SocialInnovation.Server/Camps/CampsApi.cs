using Microsoft.AspNetCore.Http.HttpResults;
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
        camps.MapGet("/{campId:guid}", GetCamp).InCamp([.. Access.Access.EveryRole]).WithSummary("A camp's snapshot");
        camps.MapGet("/{campId:guid}/events", GetEvents).InCamp([.. Access.Access.EveryRole]).WithSummary("The camp stream's events after a position, or a snapshot");
        camps.MapPost("/{campId:guid}/phase", ChangePhase).InCamp(CampRole.Organizer).WithSummary("Move the camp to another phase");
        camps.MapPost("/{campId:guid}/teams", AddTeam).InCamp(CampRole.Organizer).WithSummary("Add a team");
        camps.MapGet("/{campId:guid}/members", GetMembers).InCamp(CampRole.Organizer).WithSummary("The camp's roster");
        return api;
    }

    private static async Task<Results<Created<CampSnapshot>, Refusal>> CreateCamp(CreateCamp command, HttpContext http, IGrainFactory grains)
    {
        var caller = http.Caller();
        var created = await CampCreation.Create(grains, command, caller.PersonId, caller.Name);
        return created.Error is { } refused
            ? Problems.From(refused)
            : TypedResults.Created($"/api/camps/{created.Value!.CampId}", created.Value);
    }

    private static async Task<Results<Ok<CampSnapshot>, Refusal>> GetCamp(Guid campId, IGrainFactory grains) =>
        await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is { } snapshot
            ? TypedResults.Ok(snapshot)
            : Problems.From(SocialInnovation.Common.DomainError.UnknownCamp);

    private static async Task<Results<Ok<SocialInnovation.Live.StreamCatchUp>, Refusal>> GetEvents(Guid campId, [AsParameters] CatchUpQuery query, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<ICampGrain>(campId).CatchUp(query.Position));

    private static async Task<Results<Ok<CampSnapshot>, Refusal>> ChangePhase(Guid campId, ChangePhase command, HttpContext http, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<ICampGrain>(campId).ChangePhase(command, http.Caller().Name));

    private static async Task<Results<Ok<CampSnapshot>, Refusal>> AddTeam(Guid campId, AddTeam command, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<ICampGrain>(campId).AddTeam(command));

    private static async Task<Ok<IReadOnlyList<CampMember>>> GetMembers(Guid campId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICampGrain>(campId).GetMembers());
}

/// <summary>The query string of <c>GET /api/camps/{campId}/events?epoch=E&amp;seq=S</c>: the position the caller has, if any.</summary>
public sealed record CatchUpQuery(long? Epoch, long? Seq)
{
    public SocialInnovation.Live.StreamPosition? Position => Epoch is { } e && Seq is { } s ? new(e, s) : null;
}

public sealed class CatchUpQueryValidator : AbstractValidator<CatchUpQuery>
{
    public CatchUpQueryValidator()
    {
        RuleFor(q => q.Epoch).GreaterThanOrEqualTo(0L).When(q => q.Epoch is not null);
        RuleFor(q => q.Seq).GreaterThanOrEqualTo(0L).When(q => q.Seq is not null);
        RuleFor(q => q).Must(q => (q.Epoch is null) == (q.Seq is null)).WithName("seq").WithMessage("Give both epoch and seq, or neither.");
    }
}
