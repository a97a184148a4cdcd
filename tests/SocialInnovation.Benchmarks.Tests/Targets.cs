using Microsoft.AspNetCore.Builder;
using SocialInnovation.Benchmarks.Hubs;
using SocialInnovation.Benchmarks.Swarm;
using SocialInnovation.Testing;

namespace SocialInnovation.Benchmarks.Tests;

/// <summary>The three targets of the benchmark, in this process: the bare hub, the naive hub and one platform node.</summary>
public sealed class Targets : IAsyncLifetime
{
    private PlatformHost _product = null!;
    private WebApplication _bare = null!;
    private WebApplication _naive = null!;
    private readonly Dictionary<string, Target> _targets = [];

    public Target this[string name] => _targets[name];

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(2);
        _bare = await BenchHubHost.Start($"http://127.0.0.1:{ports[0]}", storage: null);
        _naive = await BenchHubHost.Start($"http://127.0.0.1:{ports[1]}", TestStorage.ConnectionString);
        // The swarm joins and writes from one address far faster than people do: measure the live path, not the limiter.
        _product = await PlatformHost.Start(PlatformHost.NewWorld(), settings: new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" });
        _targets["bare"] = new HubTarget("bare", new Uri($"http://127.0.0.1:{ports[0]}"));
        _targets["naive"] = new HubTarget("naive", new Uri($"http://127.0.0.1:{ports[1]}"));
        _targets["product"] = new ProductTarget(_product.Address);
    }

    public async Task DisposeAsync()
    {
        await _product.DisposeAsync();
        await _bare.DisposeAsync();
        await _naive.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TargetsCollection : ICollectionFixture<Targets>
{
    public const string Name = "benchmark targets";
}
