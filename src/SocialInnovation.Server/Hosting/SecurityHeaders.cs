using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SocialInnovation.Server.Hosting;

/// <summary>
/// What every response says about itself: a Content-Security-Policy the built web app satisfies (its
/// own scripts and styles only, the hub on this host), no sniffing, no framing, no referrer (invite
/// tokens live in URLs), HSTS over HTTPS, no Server header, and caching that suits hashed assets.
/// Behind a TLS proxy, <c>Proxy:ForwardedHeaders</c> makes the proxy's scheme and client address
/// count, so cookies are Secure, HSTS is sent, and rate limits see the real client.
/// </summary>
public static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'";

    public static void AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        var proxy = builder.Configuration.GetSection("Proxy");
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Host is not taken from the proxy: invite links use Platform:PublicBaseUrl for that.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback is trusted by default; a proxy elsewhere is named here.
            foreach (var ip in List(proxy["KnownProxies"])) o.KnownProxies.Add(IPAddress.Parse(ip));
            foreach (var network in List(proxy["KnownNetworks"])) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        builder.Services.Configure<StaticFileOptions>(o => o.OnPrepareResponse = file =>
            // Vite names every asset by its content hash: a changed file is a new name. index.html
            // (also served as the SPA fallback) names the current ones, so it is always revalidated.
            file.Context.Response.Headers.CacheControl = file.Context.Request.Path.StartsWithSegments("/assets")
                ? "public, max-age=31536000, immutable"
                : "no-cache");
    }

    public static void UseSecurityHeaders(this WebApplication app)
    {
        if (app.Configuration.GetValue("Proxy:ForwardedHeaders", false)) app.UseForwardedHeaders();
        app.Use((http, next) =>
        {
            // On starting, so that a response rewritten by the exception handler keeps them too.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                var request = http.Request;
                // 'self' covers ws:/wss: on the same host in current browsers; named for older ones.
                headers.ContentSecurityPolicy = $"{Policy} {(request.IsHttps ? "wss" : "ws")}://{request.Host}";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
                if (request.Path.StartsWithSegments("/api")) headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(http);
        });
    }

    private static IEnumerable<string> List(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
