using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Common;
using SocialInnovation.Mentors;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;
using Secrets = SocialInnovation.Grains.Common.Secrets;

namespace SocialInnovation.Server.Mentors;

/// <summary>A team's mentor sessions: the mentor writes notes and action items, the team ticks them off and rates the session.</summary>
public static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/camps/{campId:guid}/teams/{teamId:guid}/sessions").WithTags("Mentors");
        sessions.MapGet("/", Get).InTeam(CampRole.Mentor, CampRole.Organizer).WithSummary("The team's mentor sessions");
        sessions.MapPost("/", Open).InCamp(CampRole.Mentor).WithSummary("Start a session with the team (e.g. at a booked slot)");
        var session = sessions.MapGroup("/{sessionId:guid}");
        session.MapPost("/notes", Notes).InCamp(CampRole.Mentor).WithSummary("Write the session's notes and follow-up (the session's mentor)");
        session.MapPost("/items", AddItem).InCamp(CampRole.Mentor).WithSummary("Add an action item (the session's mentor)");
        session.MapPost("/end", End).InCamp(CampRole.Mentor).WithSummary("End the session (the session's mentor)");
        session.MapPost("/tick", Tick).InTeam().WithSummary("Tick an action item off (or on again)");
        session.MapPost("/rating", Rate).InTeam().WithSummary("Rate the ended session 1–5 with a comment");
        return api;
    }

    private static ITeamMentoringGrain Team(IGrainFactory grains, Guid teamId) => grains.GetGrain<ITeamMentoringGrain>(teamId);

    private static async Task<Results<Ok<TeamSessions>, Refusal>> Get(Guid campId, Guid teamId, IGrainFactory grains)
    {
        var sessions = await Team(grains, teamId).GetSessions();
        return sessions.CampId == campId || sessions.CampId == Guid.Empty && await MentorsApi.TeamOf(grains, campId, teamId) is not null
            ? TypedResults.Ok(sessions with { CampId = campId })
            : Problems.From(MentorsApi.UnknownTeam);
    }

    private static async Task<Results<Ok<MentorSession>, Refusal>> Open(Guid campId, Guid teamId, OpenSession command, HttpContext http, IGrainFactory grains)
    {
        if (await MentorsApi.TeamOf(grains, campId, teamId) is not { } team) return Problems.From(MentorsApi.UnknownTeam);
        var caller = http.Caller();
        var sessionId = Secrets.StableGuid($"session:{teamId:N}:{caller.PersonId:N}:{command.IdempotencyKey}");
        return Problems.Ok(await Team(grains, teamId).Start(campId, team.Name, caller.PersonId, caller.Name,
            new StartSession(sessionId, command.Topic, null, command.IdempotencyKey)));
    }

    private static async Task<Results<Ok<MentorSession>, Refusal>> Notes(Guid campId, Guid teamId, Guid sessionId, WriteNotes command, HttpContext http, IGrainFactory grains) =>
        Problems.Ok(await Team(grains, teamId).WriteNotes(http.Caller().PersonId, command with { SessionId = sessionId }));

    private static async Task<Results<Ok<MentorSession>, Refusal>> AddItem(Guid campId, Guid teamId, Guid sessionId, AddActionItem command, HttpContext http, IGrainFactory grains) =>
        Problems.Ok(await Team(grains, teamId).AddActionItem(http.Caller().PersonId, command with { SessionId = sessionId }));

    /// <summary>Ends the session, then tells the queue its request is done (its handling time feeds the estimated wait).</summary>
    private static async Task<Results<Ok<MentorSession>, Refusal>> End(Guid campId, Guid teamId, Guid sessionId, EndSession command, HttpContext http, IGrainFactory grains)
    {
        var ended = await Team(grains, teamId).End(http.Caller().PersonId, command with { SessionId = sessionId });
        if (ended.Value is { RequestId: { } requestId }) await grains.GetGrain<IHelpQueueGrain>(campId).Finish(requestId);
        return Problems.Ok(ended);
    }

    private static async Task<Results<Ok<MentorSession>, Refusal>> Tick(Guid campId, Guid teamId, Guid sessionId, TickActionItem command, IGrainFactory grains) =>
        Problems.Ok(await Team(grains, teamId).Tick(command with { SessionId = sessionId }));

    private static async Task<Results<Ok<MentorSession>, Refusal>> Rate(Guid campId, Guid teamId, Guid sessionId, RateSession command, HttpContext http, IGrainFactory grains) =>
        Problems.Ok(await Team(grains, teamId).Rate(http.Caller().PersonId, command with { SessionId = sessionId }));
}
