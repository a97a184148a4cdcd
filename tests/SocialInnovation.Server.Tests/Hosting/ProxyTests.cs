using System.Net;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Hosting;

/// <summary>Behind a TLS proxy (Proxy:ForwardedHeaders), the site behaves as the HTTPS site it is.</summary>
[Collection(TightHostCollection.Name)]
public sealed class ProxyTests(TightHost tight)
{
    [Fact]
    public async Task Over_https_the_sign_in_cookie_is_secure_and_hsts_is_sent()
    {
        var (client, _) = tight.ClientAtNewAddress();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.Post("/api/session/organizer", new { key = PlatformHost.OrganizerKey });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", string.Join("", response.Headers.GetValues("Strict-Transport-Security")));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("si.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("wss://", string.Join("", response.Headers.GetValues("Content-Security-Policy")));
    }
}
