using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Core.Internal;
using Orleans.TestingHost;
using SocialInnovation.Grains.Live;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Tests.Live;

/// <summary>
/// A notifier that goes with events it has taken in but not yet sent sends them first: here to a web node
/// it had not found yet, so without the drain on deactivation the event is lost (the test fails).
/// </summary>
/// <remarks>
/// Its own silo, whose notifiers refresh their node list only an hour after a publish: so the notifier
/// is held, for certain, between a publish and the refresh that would find the new node (on the shared
/// silo that refresh comes within half a second, and a slow run would reach it before the deactivation).
/// </remarks>
public sealed class NotifierDrainTests(NotifierDrainTests.SlowRefreshSilo silo) : IClassFixture<NotifierDrainTests.SlowRefreshSilo>
{
    [Fact]
    public async Task An_event_published_just_before_the_notifier_goes_reaches_a_node_it_had_not_found_yet()
    {
        var client = silo.Cluster.Client;
        var notifier = client.GetGrain<ILiveNotifierGrain>(0);
        // Publishing is one-way: a node the notifier knows from its start tells when a publish was handled.
        await using var known = await RecordingNode.Register(client);
        var signal = $"test:{Guid.NewGuid():N}";
        await notifier.Publish([Event(signal, 1)]); // the notifier starts and reads the node list
        await known.WaitFor(signal, e => e.Seq == 1);
        await using var late = await RecordingNode.Register(client);
        var stream = $"test:{Guid.NewGuid():N}";

        // Handled while the refresh that would find the late node is an hour away.
        await notifier.Publish([Event(stream, 1), Event(signal, 2)]);
        await known.WaitFor(signal, e => e.Seq == 2);
        await notifier.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        var received = await late.WaitFor(stream, e => e.Seq == 1);
        Assert.Equal([1L], received.Select(e => e.Seq).Distinct());
    }

    private static StreamEnvelope Event(string stream, long seq) =>
        new(stream, 1, seq, DateTimeOffset.UtcNow, "Test", RawJson.From(new { seq }));

    public sealed class SlowRefreshSilo : IAsyncLifetime
    {
        public TestCluster Cluster { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var builder = new TestClusterBuilder(1);
            builder.AddSiloBuilderConfigurator<Configurator>();
            Cluster = builder.Build();
            await Cluster.DeployAsync();
        }

        public async Task DisposeAsync() => await Cluster.DisposeAsync();

        private sealed class Configurator : ISiloConfigurator
        {
            public void Configure(ISiloBuilder silo) => silo.ConfigureServices(services =>
            {
                services.AddSingleton(LiveTiming.Default with { RefreshNodesAfter = TimeSpan.FromHours(1) });
                services.TryAddSingleton(TimeProvider.System);
            });
        }
    }
}
