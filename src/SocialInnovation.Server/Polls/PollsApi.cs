using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.People;
using SocialInnovation.Polls;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;
using SocialInnovation.Server.Teams;

namespace SocialInnovation.Server.Polls;

/// <summary>Dot-voting on the camp's problems, and forming teams from the winners.</summary>
public static class PollsApi
{
    public static RouteGroupBuilder MapPollsApi(this RouteGroupBuilder api)
    {
        var polls = api.MapGroup("/camps/{campId:guid}/polls").WithTags("Polls");
        polls.MapPost("/", Open).InCamp(CampRole.Organizer).WithSummary("Open a dot-vote (by default on the problem statements, or the camp's themes when there are none)");
        polls.MapGet("/", List).InCamp().WithSummary("The camp's polls, newest first, with their tallies");
        polls.MapGet("/{pollId:guid}", Get).InCamp().WithSummary("The tally, and the caller's own dots");
        polls.MapPost("/{pollId:guid}/votes", Vote).InCamp(CampRole.Participant).WithSummary("Set one's dots (replaces one's earlier dots)");
        polls.MapPost("/{pollId:guid}/close", Close).InCamp(CampRole.Organizer).WithSummary("Close voting");
        polls.MapPost("/{pollId:guid}/teams", FormTeams).InCamp(CampRole.Organizer).WithSummary("Make teams from the top options of a closed poll");
        return api;
    }

    /// <summary>A poll's id follows from its camp and the opening request's key, so a retry finds the poll it made.</summary>
    public static Guid IdFor(Guid campId, string idempotencyKey) => Secrets.StableGuid($"poll:{campId:N}:{idempotencyKey}");

    private static async Task<Results<Created<PollTally>, Refusal>> Open(Guid campId, OpenPoll command, IGrainFactory grains)
    {
        if (await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is not { } camp) return Problems.From(DomainError.UnknownCamp);
        var pollId = IdFor(campId, command.IdempotencyKey);
        // With no options named, the vote is on the participants' problem statements once there are two,
        // else on the camp's themes (camps from before statements, and the demo's closed vote).
        var statements = grains.GetGrain<SocialInnovation.Statements.ICampStatementsGrain>(campId);
        var onStatements = command.Options is null && (await statements.List()).Statements.Count(s => s.MergedInto is null) >= 2;
        var opened = onStatements
            ? await statements.OpenVote(campId, pollId, command)
            : await grains.GetGrain<IPollGrain>(pollId).Open(campId, command with { Options = command.Options ?? camp.Details.Themes });
        if (opened.Error is { } refused) return Problems.From(refused);
        // Listed after the poll exists; a retry lists it again harmlessly.
        await grains.GetGrain<ICampPollsGrain>(campId).Add(pollId);
        return TypedResults.Created($"/api/camps/{campId}/polls/{pollId}", opened.Value);
    }

    private static async Task<Ok<PollTally[]>> List(Guid campId, IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICampPollsGrain>(campId).List();
        // Audience polls share the camp's list but not this page: the participants' dot voting and its big
        // screen take the newest poll here, and an audience poll refuses dots (poll.audience).
        var tallies = await Task.WhenAll(ids.Select(async id =>
            await grains.GetGrain<SocialInnovation.Audience.IAudiencePollGrain>(id).GetForOrganizer() is null
                ? await grains.GetGrain<IPollGrain>(id).GetTally()
                : null));
        return TypedResults.Ok(tallies.OfType<PollTally>().ToArray());
    }

    private static async Task<Results<Ok<PollView>, Refusal>> Get(Guid campId, Guid pollId, HttpContext http, IGrainFactory grains)
    {
        var poll = grains.GetGrain<IPollGrain>(pollId);
        if (await poll.GetTally() is not { } tally || tally.CampId != campId) return Problems.From(Unknown);
        return TypedResults.Ok(new PollView(tally, await poll.GetAllocation(http.Caller().PersonId)));
    }

    private static async Task<Results<Ok<PollTally>, Refusal>> Vote(Guid campId, Guid pollId, CastDots command, HttpContext http, IGrainFactory grains)
    {
        var poll = grains.GetGrain<IPollGrain>(pollId);
        if (await poll.GetTally() is not { } tally || tally.CampId != campId) return Problems.From(Unknown);
        // Dots go on problems while the camp forms its teams, not before the participants are chosen or after.
        if ((await grains.GetGrain<ICampGrain>(campId).GetSnapshot())?.Phase is not CampPhase.Teams and var phase)
            return Problems.From(DomainError.Conflict("poll.phase", $"Voting is open while the camp forms teams, not in the {phase} phase."));
        return Problems.Ok(await poll.Vote(http.Caller().PersonId, command));
    }

    private static async Task<Results<Ok<PollTally>, Refusal>> Close(Guid campId, Guid pollId, IGrainFactory grains)
    {
        var poll = grains.GetGrain<IPollGrain>(pollId);
        if (await poll.GetTally() is not { } tally || tally.CampId != campId) return Problems.From(Unknown);
        return Problems.Ok(await poll.Close(""));
    }

    /// <summary>
    /// The top options by dots (ties: the earlier option) become teams on those themes. Each team is
    /// added with a key derived from the request's, so a retry adds none twice.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<TeamView>>, Refusal>> FormTeams(Guid campId, Guid pollId, FormTeamsFromPoll command, IGrainFactory grains)
    {
        if (await grains.GetGrain<IPollGrain>(pollId).GetTally() is not { } tally || tally.CampId != campId) return Problems.From(Unknown);
        if (!tally.Closed) return Problems.From(DomainError.Conflict("poll.open", "Close voting before forming teams from it."));
        var camp = grains.GetGrain<ICampGrain>(campId);
        var winners = tally.Options.Select((o, i) => (o, i)).OrderByDescending(x => x.o.Dots).ThenBy(x => x.i).Take(command.Count).Select(x => x.o);
        CampSnapshot? snapshot = null;
        foreach (var winner in winners)
        {
            var added = await camp.AddTeam(new AddTeam(winner.Label, winner.Label, $"{command.IdempotencyKey}-{winner.Id}"));
            if (added.Error is { } refused) return Problems.From(refused);
            snapshot = added.Value!;
            var team = snapshot.Teams.Single(t => t.Name == winner.Label);
            await TeamsApi.OpenTeam(grains, campId, team, command.Capacity);
        }
        return TypedResults.Ok(snapshot!.Teams);
    }

    private static readonly DomainError Unknown = DomainError.NotFound("poll.unknown", "This camp has no such poll.");
}

/// <param name="MyDots">The caller's own allocation, option id → dots.</param>
public sealed record PollView(PollTally Tally, IReadOnlyDictionary<string, int> MyDots);
