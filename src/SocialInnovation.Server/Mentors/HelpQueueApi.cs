using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Common;
using SocialInnovation.Mentors;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;
using Secrets = SocialInnovation.Grains.Common.Secrets;

namespace SocialInnovation.Server.Mentors;

/// <summary>The live help queue: teams raise a hand, mentors take requests (which starts a session).</summary>
public static class HelpQueueApi
{
    public static RouteGroupBuilder MapHelpQueueApi(this RouteGroupBuilder api)
    {
        var queue = api.MapGroup("/camps/{campId:guid}/queue").WithTags("Mentors");
        queue.MapGet("/", Get).InCamp().WithSummary("The help queue with the figures for places and estimated waits");
        queue.MapPost("/take", Take).InCamp(CampRole.Mentor).WithSummary("Take the next request matching one's tags, or a specific one; starts a session");

        var team = api.MapGroup("/camps/{campId:guid}/teams/{teamId:guid}/queue").WithTags("Mentors");
        team.MapPost("/", Raise).InTeam().WithSummary("Raise one's team's hand with a topic and tags");
        team.MapPost("/withdraw", Withdraw).InTeam().WithSummary("Lower one's team's hand while nobody has taken it");
        return api;
    }

    /// <summary>The session a taken request starts has an id derived from the request, so a retried take starts no second session.</summary>
    public static Guid SessionFor(Guid requestId) => Secrets.StableGuid($"session:{requestId:N}");

    private static async Task<Ok<QueueView>> Get(Guid campId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IHelpQueueGrain>(campId).GetView());

    private static async Task<Results<Ok<HelpRequest>, Refusal>> Raise(Guid campId, Guid teamId, RaiseHand command, IGrainFactory grains)
    {
        if (await MentorsApi.TeamOf(grains, campId, teamId) is not { } team) return Problems.From(MentorsApi.UnknownTeam);
        return Problems.Ok(await grains.GetGrain<IHelpQueueGrain>(campId).Raise(teamId, team.Name, command));
    }

    private static async Task<Results<Ok<HelpRequest>, Refusal>> Withdraw(Guid campId, Guid teamId, WithdrawHand command, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<IHelpQueueGrain>(campId).Withdraw(teamId, command));

    /// <summary>
    /// Takes the request in the queue, then starts its session in the team's grain (which also keeps the
    /// mentor–team record). A retry with the same key finds the same request and the same session.
    /// </summary>
    private static async Task<Results<Ok<TakenRequest>, Refusal>> Take(Guid campId, TakeRequest command, HttpContext http, IGrainFactory grains)
    {
        var caller = http.Caller();
        var tags = (await grains.Mentor(campId, caller.PersonId).GetCalendar())?.Profile.Tags ?? [];
        var taken = await grains.GetGrain<IHelpQueueGrain>(campId).Take(caller.PersonId, caller.Name, tags, command);
        if (taken.Error is { } refused) return Problems.From(refused);
        var request = taken.Value!;
        var session = await grains.GetGrain<ITeamMentoringGrain>(request.TeamId).Start(campId, request.TeamName, caller.PersonId, caller.Name,
            new StartSession(SessionFor(request.RequestId), request.Topic, request.RequestId, command.IdempotencyKey));
        return session.Error is { } failed ? Problems.From(failed) : TypedResults.Ok(new TakenRequest(request, session.Value!));
    }
}

public sealed record TakenRequest(HelpRequest Request, MentorSession Session);
