using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.People;
using SocialInnovation.Platform;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;
using SocialInnovation.Server.Hosting;
using SocialInnovation.Server.Platform;

namespace SocialInnovation.Server.Session;

/// <summary>Signing in and out, and who the caller is.</summary>
public static class SessionApi
{
    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder api)
    {
        api.MapPost("/session/organizer", SignInOrganizer).Anyone().SignInAttempts().WithSummary("Sign in with the platform organizer key");
        api.MapPost("/session/signout", (Delegate)SignOut).Anyone().WithSummary("Sign out: this session's cookie is refused from now on");
        api.MapPost("/session/signout-everywhere", SignOutEverywhere).SignedIn().WithSummary("Sign out every session of the signed-in person");
        api.MapGet("/me", Me).SignedIn().WithSummary("The signed-in person and their camps");
        api.MapGet("/session", Session).Anyone().WithSummary("Who is signed in, if anyone: { me: null } for a visitor, so a page can ask without a 401");
        return api;
    }

    private static async Task<Results<Ok<MeView>, Refusal>> SignInOrganizer(OrganizerSignIn request, HttpContext http, IGrainFactory grains, SignInBackoff backoff)
    {
        var address = RateLimits.Address(http);
        if (backoff.Wait(address) is { } wait) return RateLimits.TooMany(http, wait);
        var organizerId = await grains.GetGrain<IPlatformGrain>(IPlatformGrain.Key).SignInOrganizer(OrganizerKeys.Hash(request.Key));
        if (organizerId is not { } id)
        {
            backoff.Failed(address);
            return Problems.From(new DomainError(ErrorKind.Unauthenticated, "session.wrong-key", "This is not the organizer key."));
        }
        backoff.Succeeded(address);

        var me = await MeView.Load(grains, id);
        await http.SignInPerson(id, me!.Name);
        return TypedResults.Ok(me);
    }

    private static async Task<NoContent> SignOut(HttpContext http)
    {
        await http.RequestServices.GetRequiredService<SessionCheck>().End(http.User);
        await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(http);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SignOutEverywhere(HttpContext http, SessionCheck sessions)
    {
        await sessions.EndAll(http.Caller().PersonId);
        await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(http);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The web app asks this on every page load. A visitor is an ordinary answer here, not an error: the
    /// browser logs every 401 in the console, and a signed-out visit should leave the console clean.
    /// </summary>
    private static async Task<Ok<SessionView>> Session(HttpContext http, IGrainFactory grains)
    {
        if (http.User.PersonId() is not { } personId) return TypedResults.Ok(SessionView.Nobody);
        if (await MeView.Load(grains, personId) is { } me) return TypedResults.Ok(new SessionView(me));
        // The cookie names a person storage does not know (their data was wiped): start afresh.
        await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(http);
        return TypedResults.Ok(SessionView.Nobody);
    }

    private static async Task<Results<Ok<MeView>, Refusal>> Me(HttpContext http, IGrainFactory grains)
    {
        if (await MeView.Load(grains, http.Caller().PersonId) is { } me) return TypedResults.Ok(me);
        // The cookie names a person storage does not know (their data was wiped): start afresh.
        await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(http);
        return Problems.From(AccessCheck.NotSignedIn);
    }
}

/// <param name="Language">The language the person chose ("en", "ru"), or null when they never chose.</param>
public sealed record MeView(Guid PersonId, string Name, bool IsPlatformOrganizer, IReadOnlyList<MyCamp> Camps, string? Language)
{
    public static async Task<MeView?> Load(IGrainFactory grains, Guid personId)
    {
        if (await grains.GetGrain<IPersonGrain>(personId).GetProfile() is not { } profile) return null;
        var camps = await Task.WhenAll(profile.Camps.Select(async c =>
            await grains.GetGrain<ICampGrain>(c.Key).GetSnapshot() is { } s
                ? new MyCamp(s.CampId, s.Details.Name, c.Value, s.Phase, s.Details.Location, s.Details.StartsOn, s.Details.EndsOn)
                : null));
        return new MeView(personId, profile.Name, profile.IsPlatformOrganizer,
            camps.OfType<MyCamp>().OrderByDescending(c => c.StartsOn).ToList(), profile.Language);
    }
}

/// <param name="Me">The signed-in person, or null for a visitor.</param>
public sealed record SessionView(MeView? Me)
{
    public static readonly SessionView Nobody = new((MeView?)null);
}

public sealed record MyCamp(Guid CampId, string Name, CampRole Role, CampPhase Phase, string Location, DateOnly StartsOn, DateOnly EndsOn);
