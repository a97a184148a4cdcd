using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Hosting;

/// <summary>
/// A node with tight rate limits behind a (pretend) TLS proxy on loopback. Each test calls from its own
/// client address through X-Forwarded-For, so tests sharing the node never share a limit.
/// </summary>
public sealed class TightHost : IAsyncLifetime
{
    public const int InvitePermits = 3;
    public const int WritePermits = 6;
    public const int SignInFailures = 3;
    public const int AudienceVotePermits = 10;
    public const int CampFormPermits = 8;

    private int _nextAddress;

    public PlatformHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await PlatformHost.Start(PlatformHost.NewWorld(), settings: new Dictionary<string, string?>
    {
        ["Proxy:ForwardedHeaders"] = "true",
        ["RateLimits:Invites:Permits"] = $"{InvitePermits}",
        ["RateLimits:Invites:WindowSeconds"] = "600",
        ["RateLimits:Writes:Permits"] = $"{WritePermits}",
        ["RateLimits:Writes:WindowSeconds"] = "600",
        ["RateLimits:SignIn:Permits"] = "100",
        ["RateLimits:SignInFailuresBeforeBackoff"] = $"{SignInFailures}",
        ["RateLimits:AudienceVotes:Permits"] = $"{AudienceVotePermits}",
        ["RateLimits:AudienceVotes:WindowSeconds"] = "600",
        ["RateLimits:PublicFormsPerCamp:Permits"] = $"{CampFormPermits}",
        ["RateLimits:PublicFormsPerCamp:WindowSeconds"] = "600",
    });

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();

    /// <summary>A client at an address of its own (TEST-NET-3), as the proxy would report it.</summary>
    public (ApiClient Client, string Address) ClientAtNewAddress(string? address = null)
    {
        address ??= $"203.0.113.{Interlocked.Increment(ref _nextAddress)}";
        return (At(address), address);
    }

    /// <summary>Another browser at the same address (the same Wi-Fi).</summary>
    public ApiClient At(string address)
    {
        var client = Host.Client();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class TightHostCollection : ICollectionFixture<TightHost>
{
    public const string Name = "tight-host";
}
