using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Audience;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Awards;
using SocialInnovation.Judging;
using SocialInnovation.People;
using SocialInnovation.Awards;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;

namespace SocialInnovation.Server.Awards;

/// <summary>
/// Results, awards and mini-grants: the organizer drafts them while judging runs, locks judging, reviews the
/// preview, and publishes; only then does anyone else see a result (participants never see the live
/// leaderboard, which stays organizer-only in JudgingApi).
/// </summary>
public static class ResultsApi
{
    public static RouteGroupBuilder MapResultsApi(this RouteGroupBuilder api)
    {
        var results = api.MapGroup("/camps/{campId:guid}/results").WithTags("Results");
        results.MapGet("/", GetPublished).Anyone().WithSummary("The published results (results.unpublished until the organizer publishes them)");
        results.MapGet("/draft", GetDraft).InCamp(CampRole.Organizer).WithSummary("The draft with a live preview of the standings");
        results.MapPut("/draft", Save).InCamp(CampRole.Organizer).WithSummary("Save awards, mini-grants, the people's choice poll and the reveal order");
        results.MapPost("/publish", Publish).InCamp(CampRole.Organizer).WithSummary("Publish the results (judging must be locked), or withdraw them");
        results.MapGet("/export.csv", Export).InCamp(CampRole.Organizer).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("Raw and normalised scores, votes, standings, awards and mini-grants as CSV (UTF-8 with BOM)");
        return api;
    }

    private static IResultsGrain Grain(IGrainFactory grains, Guid campId) => grains.GetGrain<IResultsGrain>(campId);

    private static async Task<Results<Ok<CampResults>, Refusal>> GetPublished(Guid campId, IGrainFactory grains)
    {
        var draft = await Grain(grains, campId).GetDraft();
        if (!draft.Published || await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is not { } camp) return Problems.From(Unpublished);
        return TypedResults.Ok(View(camp, draft, draft.Standings, draft.AudienceWeight));
    }

    private static async Task<Results<Ok<CampResults>, Refusal>> GetDraft(Guid campId, IGrainFactory grains)
    {
        if (await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is not { } camp) return Problems.From(DomainError.UnknownCamp);
        return TypedResults.Ok(await Preview(grains, camp, await Grain(grains, campId).GetDraft()));
    }

    private static async Task<Results<Ok<CampResults>, Refusal>> Save(Guid campId, SaveResults command, IGrainFactory grains)
    {
        if (await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is not { } camp) return Problems.From(DomainError.UnknownCamp);
        if (command.AudiencePollId is { } pollId && await PeoplesChoice(grains, campId, pollId) is null)
            return Problems.From(DomainError.Conflict("results.poll-unknown", "Choose a people's choice poll of this camp."));
        var tracks = (await grains.GetGrain<IJudgingGrain>(campId).GetSetup())?.Tracks.Select(t => t.Id).ToList() ?? [];
        var saved = await Grain(grains, campId).Save(command, camp.Teams.Select(t => t.TeamId).ToList(), tracks);
        return saved.Error is { } refused ? Problems.From(refused) : TypedResults.Ok(await Preview(grains, camp, saved.Value!));
    }

    private static async Task<Results<Ok<CampResults>, Refusal>> Publish(Guid campId, PublishResults command, IGrainFactory grains)
    {
        if (await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is not { } camp) return Problems.From(DomainError.UnknownCamp);
        var setup = await grains.GetGrain<IJudgingGrain>(campId).GetSetup();
        if (command.Publish && setup is not { Locked: true })
            return Problems.From(DomainError.Conflict("results.judging-open", "Lock judging before publishing the results."));
        var draft = await Grain(grains, campId).GetDraft();
        var (standings, weight) = await Standings(grains, camp, draft);
        var published = await Grain(grains, campId).Publish(command, standings, weight);
        return published.Error is { } refused ? Problems.From(refused) : TypedResults.Ok(View(camp, published.Value!, published.Value!.Standings, published.Value.AudienceWeight));
    }

    private static async Task<Results<FileContentHttpResult, Refusal>> Export(Guid campId, IGrainFactory grains)
    {
        if (await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is not { } camp) return Problems.From(DomainError.UnknownCamp);
        var results = await Preview(grains, camp, await Grain(grains, campId).GetDraft());
        var judging = grains.GetGrain<IJudgingGrain>(campId);
        var board = (await judging.GetLeaderboard()).Value;
        var polls = await Task.WhenAll((await grains.GetGrain<SocialInnovation.Polls.ICampPollsGrain>(campId).List())
            .Select(id => grains.GetGrain<IAudiencePollGrain>(id).GetForOrganizer()));
        var csv = ResultsCsv.Write(results, board, await judging.GetScores(), polls.OfType<AudiencePollView>().ToList(),
            camp.Teams.ToDictionary(t => t.TeamId, t => t.Name));
        return TypedResults.File(csv, "text/csv; charset=utf-8", "results.csv");
    }

    /// <summary>The published standings, or before publishing the standings as they would be published now.</summary>
    private static async Task<CampResults> Preview(IGrainFactory grains, CampSnapshot camp, ResultsDraft draft)
    {
        if (draft.Published) return View(camp, draft, draft.Standings, draft.AudienceWeight);
        var (standings, weight) = await Standings(grains, camp, draft);
        return View(camp, draft, standings, weight);
    }

    /// <summary>
    /// The judges' fitted ranking combined with the people's choice poll at the judging setup's audience
    /// weight; with no people's choice poll chosen the audience counts 0 (shown as such).
    /// </summary>
    private static async Task<(IReadOnlyList<Standing> Standings, double Weight)> Standings(IGrainFactory grains, CampSnapshot camp, ResultsDraft draft)
    {
        var judging = grains.GetGrain<IJudgingGrain>(camp.CampId);
        var lines = (await judging.GetLeaderboard()).Value?.Lines.ToDictionary(l => l.TeamId) ?? [];
        var votes = new Dictionary<Guid, int>();
        var weight = 0.0;
        if (draft.AudiencePollId is { } pollId && await PeoplesChoice(grains, camp.CampId, pollId) is { } poll)
        {
            weight = (await judging.GetSetup())?.AudienceWeight ?? 0.2;
            foreach (var (team, option) in poll.Audience.Teams.Zip(poll.Tally.Options)) votes[team] = option.Dots;
        }
        var inputs = camp.Teams.Select(t => lines.TryGetValue(t.TeamId, out var line)
            ? new StandingInput(t.TeamId, t.Name, line.Quality, line.Rank, votes.GetValueOrDefault(t.TeamId))
            : new StandingInput(t.TeamId, t.Name, null, null, votes.GetValueOrDefault(t.TeamId))).ToList();
        return (FinalStandings.Combine(inputs, weight), weight);
    }

    private static async Task<AudiencePollView?> PeoplesChoice(IGrainFactory grains, Guid campId, Guid pollId) =>
        await grains.GetGrain<IAudiencePollGrain>(pollId).GetForOrganizer() is { Audience.Kind: AudiencePollKind.PeoplesChoice } view && view.Tally.CampId == campId
            ? view : null;

    private static CampResults View(CampSnapshot camp, ResultsDraft draft, IReadOnlyList<Standing> standings, double weight) =>
        new(camp.CampId, camp.Details.Name, draft.Published, draft.PublishedAt, weight, draft.Reveal, standings, draft.Awards,
            draft.GrantPool, draft.Currency, draft.Grants, draft.AudiencePollId, draft.Version);

    private static readonly DomainError Unpublished = DomainError.NotFound("results.unpublished", "The results of this camp are not published yet.");
}
