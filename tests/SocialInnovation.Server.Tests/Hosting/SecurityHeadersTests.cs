using System.Text.RegularExpressions;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Hosting;

/// <summary>What every response says about itself, and how long browsers may keep what.</summary>
public sealed partial class SecurityHeadersTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/camps/00000000-0000-0000-0000-000000000001")]
    [InlineData("/api/me")]
    public async Task Every_response_carries_the_security_headers_and_no_server_header(string path)
    {
        var response = await fixture.Host.Client().Http.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains($"connect-src 'self' ws://{fixture.Host.Address.Authority}", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // plain HTTP: see ProxyTests
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_the_page_naming_them_is_always_revalidated()
    {
        var client = fixture.Host.Client();
        var index = await client.Http.GetAsync("/");
        var fallback = await client.Http.GetAsync("/signin");
        var asset = AssetPath().Match(await index.Content.ReadAsStringAsync()).Value;

        var assetResponse = await client.Http.GetAsync(asset);
        var api = await client.Http.GetAsync("/api/me");

        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        Assert.Equal("no-cache", fallback.Headers.CacheControl?.ToString());
        Assert.Equal("public, max-age=31536000, immutable", assetResponse.Headers.CacheControl?.ToString());
        Assert.Equal("no-store", api.Headers.CacheControl?.ToString());
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    [GeneratedRegex("/assets/[^\"]+\\.js")]
    private static partial Regex AssetPath();
}
