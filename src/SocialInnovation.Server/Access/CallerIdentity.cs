using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SocialInnovation.Server.Session;

namespace SocialInnovation.Server.Access;

/// <summary>
/// The sign-in cookie names a person and nothing more: their roles are looked up in the person's grain
/// on every request, so a change of role applies at once and a stolen cookie cannot claim a role.
/// </summary>
public static class CallerIdentity
{
    public const string PersonIdClaim = "sub";

    public static Guid? PersonId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(PersonIdClaim), out var id) ? id : null;

    /// <summary>Issues the cookie of a new session (see <see cref="SessionCheck"/>).</summary>
    /// <param name="sessions">The person's sessions when the caller has just read them from the person's grain.</param>
    public static async Task SignInPerson(this HttpContext http, Guid personId, string name, People.PersonSessions? sessions = null)
    {
        var session = await http.RequestServices.GetRequiredService<SessionCheck>().Start(personId, sessions);
        var identity = new ClaimsIdentity(
            [new Claim(PersonIdClaim, personId.ToString()), new Claim(ClaimTypes.Name, name), .. session],
            CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = true });
    }

    public static void AddCampCookie(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "si.auth";
            o.Cookie.HttpOnly = true;
            // Strict keeps other sites from riding on the cookie; the SPA's own calls are same-site.
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromDays(30);
            o.SlidingExpiration = true;
            // An API answers 401/403; it never redirects to a login page.
            o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            // A cookie whose session was signed out (here, elsewhere, or everywhere) names nobody.
            o.Events.OnValidatePrincipal = async c =>
            {
                if (c.Principal is null || await c.HttpContext.RequestServices.GetRequiredService<SessionCheck>().IsLive(c.Principal)) return;
                c.RejectPrincipal();
                await c.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            };
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });
        // Runs after the cookie's own post-configuration, which creates the data-protection format it wraps.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure<Microsoft.Extensions.Caching.Memory.IMemoryCache>((o, cache) => o.TicketDataFormat = new RememberedTickets(o.TicketDataFormat, cache));
        services.AddAuthorization();
        services.AddMemoryCache();
        services.AddSingleton<LastKnown>();
        services.AddSingleton<KnownFacts>();
        services.AddSingleton<SessionCheck>();
    }
}
