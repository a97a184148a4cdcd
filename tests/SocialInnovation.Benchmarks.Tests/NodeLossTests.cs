using Xunit.Abstractions;
using SocialInnovation.Benchmarks.Fault;
using SocialInnovation.Testing;

namespace SocialInnovation.Benchmarks.Tests;

/// <summary>
/// A node leaves a three-node cluster (Azure Table clustering) while people watch and an organizer
/// keeps changing camps through every node; then it comes back. deploy/fault.sh does the same with
/// `kill -9` and reports the times; this test checks the outcome only.
/// </summary>
public sealed class NodeLossTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_node_stopping_during_watches_and_writes_loses_or_doubles_no_acknowledged_write_and_leaves_no_watcher_behind()
    {
        var world = PlatformHost.NewWorld();
        var nodes = (await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => HostNode.Start(world)))).ToList();
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} started");
        try
        {
            var run = new FaultRun(nodes, camps: 2, watchersPerCamp: 3, writeGap: TimeSpan.FromMilliseconds(100));
            var result = await run.Execute(rounds: 1, log: line => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}"), settle: TimeSpan.FromSeconds(2));
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} done");

            Assert.True(result.Acknowledged > 0);
            Assert.Equal(0, result.Lost);
            Assert.Equal(0, result.Doubled);
            Assert.Equal(0, result.StaleWatchers);
        }
        finally
        {
            await Task.WhenAll(nodes.Select(n => n.Kill()));
        }
    }

    /// <summary>An in-process node: stopping it is the closest a test process gets to a kill.</summary>
    private sealed class HostNode(string world) : IFaultNode
    {
        private PlatformHost? _host;

        public static async Task<HostNode> Start(string world)
        {
            var node = new HostNode(world);
            await node.Restart();
            return node;
        }

        public Uri Address { get; private set; } = new("http://127.0.0.1:1");
        public bool Alive => _host is not null;

        public async Task Kill()
        {
            var host = _host;
            _host = null;
            if (host is not null) await host.DisposeAsync();
        }

        public async Task Restart()
        {
            _host = await PlatformHost.Start(world, clustering: "AzureTable", settings: new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" });
            Address = _host.Address;
        }
    }
}
