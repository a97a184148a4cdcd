using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Invites;
using SocialInnovation.Invites;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;
using SocialInnovation.Server.Hosting;

namespace SocialInnovation.Server.Invites;

/// <summary>Invite links: organizers make and revoke them; anyone holding one can look at it and accept it.</summary>
public static class InvitesApi
{
    public static RouteGroupBuilder MapInvitesApi(this RouteGroupBuilder api)
    {
        var camp = api.MapGroup("/camps/{campId:guid}/invites").WithTags("Invites");
        camp.MapPost("/", Issue).InCamp(CampRole.Organizer).WithSummary("Make an invite link");
        camp.MapGet("/", List).InCamp(CampRole.Organizer).WithSummary("The camp's invites");
        camp.MapDelete("/{inviteId:guid}", Revoke).InCamp(CampRole.Organizer).WithSummary("Withdraw an invite");

        var invites = api.MapGroup("/invites").WithTags("Invites");
        invites.MapPost("/preview", Preview).Anyone().InviteUse().WithSummary("What an invite is for");
        invites.MapPost("/redeem", Redeem).Anyone().InviteUse().WithSummary("Accept an invite and sign in");
        return api;
    }

    private static async Task<Results<Created<InviteCreated>, Refusal>> Issue(Guid campId, IssueInvite command, HttpContext http, IGrainFactory grains, InviteLinks links)
    {
        var issued = await grains.GetGrain<ICampGrain>(campId).IssueInvite(command, http.Caller().PersonId);
        if (issued.Error is { } refused) return Problems.From(refused);
        var (invite, token) = issued.Value!;
        return TypedResults.Created($"/api/camps/{campId}/invites/{invite.InviteId}",
            new InviteCreated(invite, token, token is null ? null : links.For(token, http.Request)));
    }

    private static async Task<Ok<IReadOnlyList<InviteSummary>>> List(Guid campId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICampGrain>(campId).GetInvites());

    private static async Task<Results<Ok<InviteSummary>, Refusal>> Revoke(Guid campId, Guid inviteId, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<ICampGrain>(campId).RevokeInvite(inviteId));

    private static async Task<Results<Ok<InvitePreview>, Refusal>> Preview(PreviewInvite request, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<IInviteGrain>(InviteTokens.Hash(request.Token)).Preview());

    private static async Task<Results<Ok<InviteRedeemed>, Refusal>> Redeem(RedeemInvite request, HttpContext http, IGrainFactory grains)
    {
        // Someone already signed in joins as themselves; anyone else becomes a new person.
        var signedIn = http.User.PersonId() is { } id ? await grains.GetGrain<IPersonGrain>(id).GetProfile() : null;
        var name = request.Name ?? signedIn?.Name;
        if (name is null)
            return Problems.From(new DomainError(ErrorKind.Invalid, "validation", "Tell the camp your name.",
                new() { [nameof(RedeemInvite.Name)] = ["Tell the camp your name."] }));

        var tokenHash = InviteTokens.Hash(request.Token);
        var personId = signedIn?.PersonId ?? PersonIds.ForRedemption(tokenHash, request.IdempotencyKey);
        var person = grains.GetGrain<IPersonGrain>(personId);
        var claim = await grains.GetGrain<IInviteGrain>(tokenHash).Claim(personId);
        if (claim.Error is { } refused) return Problems.From(refused);

        var (campId, invitedAs, _) = claim.Value!;
        // The camp admits first (it may refuse, e.g. when archived); only then does the person hold the
        // role that authorization reads. Someone already in the camp keeps the role they have: the
        // signed-in caller's from their profile, a retried redemption's from the roster, which answers
        // with the member it stored the first time.
        var asked = signedIn?.Camps.TryGetValue(campId, out var held) == true ? held : invitedAs;
        var admitted = await grains.GetGrain<ICampGrain>(campId).AdmitMember(personId, name, asked);
        if (admitted.Error is { } refusedByCamp) return Problems.From(refusedByCamp);
        if (signedIn is not null)
        {
            var role = await person.Join(campId, admitted.Value!.Role, name);
            return TypedResults.Ok(new InviteRedeemed(campId, role));
        }
        // A new person: stored with one conditional create (no read of a blob that is not there), and the
        // answer carries the sessions the cookie is issued under (no second call to the person).
        var sessions = await person.JoinAsNew(campId, admitted.Value!.Role, name);
        await http.SignInPerson(personId, name, sessions);
        return TypedResults.Ok(new InviteRedeemed(campId, admitted.Value.Role));
    }
}

/// <param name="Invite">The invite as stored.</param>
/// <param name="Token">Shown once; null when a retried request found the invite already made.</param>
/// <param name="Link">The address to share, with the token in its fragment so it stays out of server logs.</param>
public sealed record InviteCreated(InviteSummary Invite, string? Token, string? Link);

public sealed record InviteRedeemed(Guid CampId, CampRole Role);

public static class PersonIds
{
    /// <summary>
    /// The new person an invite redemption makes: the same for a retry of the same redemption. The first
    /// four hex digits are the invite's, so the people one invite admits share a partition of the
    /// people's table and their creations are stored together (<c>TablePeopleStorage</c>).
    /// </summary>
    public static Guid ForRedemption(string tokenHash, string idempotencyKey)
    {
        var invite = Secrets.StableGuid($"people:{tokenHash}").ToString("N");
        var person = Secrets.StableGuid($"person:{tokenHash}:{idempotencyKey}").ToString("N");
        return Guid.ParseExact(invite[..4] + person[4..], "N");
    }
}

/// <summary>
/// Builds the links people open to accept an invite: on the configured public address, else the one the
/// request came to, else the one the server listens on, else (while it starts: the demo mails its applicants
/// then) the one it was told to listen on (<c>--urls</c>), so deploy/run.sh with PORT=5180 mails links to 5180.
/// </summary>
public sealed class InviteLinks(PlatformSettings settings, IServer server, IConfiguration configuration)
{
    public string For(string token, HttpRequest? request = null) => $"{BaseUrl(request)}/join#{token}";

    public string BaseUrl(HttpRequest? request)
    {
        var address = settings.PublicBaseUrl
            ?? (request is null ? null : $"{request.Scheme}://{request.Host}")
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? "http://localhost:5080";
        // A wildcard listening address is not something a browser can open.
        return address.Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").Replace("://+", "://localhost").TrimEnd('/');
    }
}
