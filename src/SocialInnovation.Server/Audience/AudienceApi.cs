using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SocialInnovation.Audience;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.People;
using SocialInnovation.Polls;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;
using SocialInnovation.Server.Hosting;

namespace SocialInnovation.Server.Audience;

/// <summary>
/// Audience voting: the organizer opens a poll with a short join code; the audience opens <c>/v/CODE</c>
/// (or scans the big screen's QR) and votes without an account. One device is one voter (a random token
/// the phone keeps); a poll may instead require a camp invite (a signed-in camp member is one voter).
/// </summary>
public static class AudienceApi
{
    /// <summary>A vote is a few hundred bytes.</summary>
    public const long MaxVoteBytes = 2 * 1024;

    public static RouteGroupBuilder MapAudienceApi(this RouteGroupBuilder api)
    {
        var polls = api.MapGroup("/camps/{campId:guid}/audience/polls").WithTags("Audience");
        polls.MapPost("/", Open).InCamp(CampRole.Organizer).WithSummary("Open an audience poll (people's choice over the teams, or a question) with a join code");
        polls.MapGet("/", List).InCamp(CampRole.Organizer).WithSummary("The camp's audience polls with their full tallies (hidden counts included)");
        polls.MapPost("/{pollId:guid}/reveal", Reveal).InCamp(CampRole.Organizer).WithSummary("Show the counts of a hidden poll to everyone");

        var join = api.MapGroup("/audience/{code}").WithTags("Audience");
        join.MapGet("/", Get).Anyone().WithSummary("The poll behind a join code, as the audience sees it");
        join.MapPost("/votes", Vote).Anyone().AudienceVotes().WithMetadata(new RequestSizeLimitAttribute(MaxVoteBytes))
            .WithSummary("Vote (no account needed); answered once the vote is stored; a retry with the same key counts once");
        return api;
    }

    private static async Task<Results<Created<AudiencePollView>, Refusal>> Open(Guid campId, OpenAudiencePoll command, IGrainFactory grains)
    {
        if (await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is not { } camp) return Problems.From(DomainError.UnknownCamp);
        var opened = await OpenPoll(grains, camp, command);
        if (opened.Error is { } refused) return Problems.From(refused);
        return TypedResults.Created($"/api/camps/{campId}/audience/polls/{opened.Value!.Tally.PollId}", opened.Value);
    }

    /// <summary>Opens the poll with its join code and lists it with the camp's polls (also how the demo opens one).</summary>
    public static async Task<Outcome<AudiencePollView>> OpenPoll(IGrainFactory grains, CampSnapshot camp, OpenAudiencePoll command)
    {
        var peoplesChoice = command.Kind == AudiencePollKind.PeoplesChoice;
        var options = peoplesChoice ? camp.Teams.Select(t => t.Name).ToList() : command.Options ?? [];
        var pollId = IdFor(camp.CampId, command.IdempotencyKey);
        if (await ClaimCode(grains, camp.CampId, pollId) is not { } code) return DomainError.Unavailable;
        var opened = await grains.GetGrain<IAudiencePollGrain>(pollId)
            .OpenForAudience(camp.CampId, command, options, peoplesChoice ? camp.Teams.Select(t => t.TeamId).ToList() : null, code);
        // Listed with the camp's other polls after it exists; a retry lists it again harmlessly.
        if (opened.IsOk) await grains.GetGrain<ICampPollsGrain>(camp.CampId).Add(pollId);
        return opened;
    }

    /// <summary>The voter a device token stands for in one poll.</summary>
    public static Guid DeviceVoter(Guid pollId, string deviceToken) => Secrets.StableGuid($"audience-device:{pollId:N}:{deviceToken}");

    private static async Task<Ok<AudiencePollView[]>> List(Guid campId, IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICampPollsGrain>(campId).List();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IAudiencePollGrain>(id).GetForOrganizer()));
        return TypedResults.Ok(views.OfType<AudiencePollView>().Where(v => v.Tally.CampId == campId).ToArray());
    }

    private static async Task<Results<Ok<AudiencePollView>, Refusal>> Reveal(Guid campId, Guid pollId, IGrainFactory grains)
    {
        var poll = grains.GetGrain<IAudiencePollGrain>(pollId);
        if (await poll.GetForOrganizer() is not { } view || view.Tally.CampId != campId) return Problems.From(Unknown);
        return Problems.Ok(await poll.Reveal());
    }

    private static async Task<Results<Ok<AudiencePollView>, Refusal>> Get(string code, IGrainFactory grains)
    {
        if (await Resolve(grains, code) is not { } target) return Problems.From(UnknownCode);
        var view = await grains.GetGrain<IAudiencePollGrain>(target.PollId).GetForAudience();
        return view is null ? Problems.From(UnknownCode) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<AudienceVoteReceipt>, Refusal>> Vote(string code, CastAudienceVote vote, HttpContext http, IGrainFactory grains, AccessCheck access, AudienceCodes codes)
    {
        if (Normalize(code) is not { } normalized || await codes.Resolve(normalized) is not { } target) return Problems.From(UnknownCode);
        Guid voter;
        if (target.RequireInvite)
        {
            // One person, one vote: a member of the camp (joined through an invite) votes as themselves.
            var member = await access.Check(http.User, new Access.Access.InCamp(Access.Access.AnyRole), target.CampId);
            if (member.Error is not null)
                return Problems.From(new DomainError(ErrorKind.Forbidden, "audience.invite-required", "This poll is for the camp's members: open your camp invite first."));
            voter = member.Value!.PersonId;
        }
        else
            voter = DeviceVoter(target.PollId, vote.DeviceToken);
        return Problems.Ok(await grains.GetGrain<IAudiencePollGrain>(target.PollId).CastVote(voter, vote));
    }

    /// <summary>An audience poll's id follows from its camp and the opening request's key, so a retry finds the poll and its code.</summary>
    public static Guid IdFor(Guid campId, string idempotencyKey) => Secrets.StableGuid($"audience-poll:{campId:N}:{idempotencyKey}");

    /// <summary>Letters and digits that cannot be mistaken for each other on a big screen (no 0/O, 1/I/L).</summary>
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public const int CodeLength = 6;

    /// <summary>
    /// The poll's join code: the first of a fixed sequence of candidates (derived from the poll's id) that no
    /// other poll holds, so a retried opening gets the same code. Null only after many clashes.
    /// </summary>
    private static async Task<string?> ClaimCode(IGrainFactory grains, Guid campId, Guid pollId)
    {
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var bytes = Secrets.StableGuid($"audience-code:{pollId:N}:{attempt}").ToByteArray();
            var code = new string(bytes.Take(CodeLength).Select(b => CodeAlphabet[b % CodeAlphabet.Length]).ToArray());
            if (await grains.GetGrain<IAudienceCodeGrain>(code).Claim(campId, pollId)) return code;
        }
        return null;
    }

    private static async Task<AudienceCodeTarget?> Resolve(IGrainFactory grains, string code) =>
        Normalize(code) is { } normalized ? await grains.GetGrain<IAudienceCodeGrain>(normalized).Resolve() : null;

    /// <summary>The code as claimed (upper case, trimmed); null when it cannot be a code at all.</summary>
    private static string? Normalize(string code)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return normalized.Length != CodeLength || normalized.Any(c => !CodeAlphabet.Contains(c)) ? null : normalized;
    }

    private static readonly DomainError Unknown = DomainError.NotFound("poll.unknown", "This camp has no such audience poll.");

    private static readonly DomainError UnknownCode = DomainError.NotFound("audience.unknown-code", "No poll has this code. Check the code on the big screen.");
}
