using Orleans.Core.Internal;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Tests.Live;

/// <summary>The notifier never drops what it took in: not when its activation goes with events still pending.</summary>
[Collection(ClusterCollection.Name)]
public sealed class NotifierDeactivationTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task Deactivating_the_notifier_between_publish_and_flush_drops_no_pending_event()
    {
        var node = new GatedNode();
        var reference = Fixture.Cluster.Client.CreateObjectReference<ILiveObserver>(node);
        var nodeId = $"gated-{Guid.NewGuid():N}";
        await Grains.GetGrain<ILiveNodeListGrain>(0).Register(new LiveNodeEntry(nodeId, reference, null));
        var notifier = Grains.GetGrain<ILiveNotifierGrain>(0);
        var stream = $"test:{Guid.NewGuid():N}";
        try
        {
            // The first batch's call is held by the node; the next two wait behind it in the notifier.
            await notifier.Publish([Event(stream, 1)]);
            await node.FirstCallArrived.WaitAsync(TimeSpan.FromSeconds(20));
            await notifier.Publish([Event(stream, 2)]);
            await notifier.Publish([Event(stream, 3)]);
            await notifier.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
            node.Release();
            await notifier.Publish([Event(stream, 4)]); // reaches a new activation

            var received = await node.WaitFor(stream, 4);

            Assert.Equal([1L, 2L, 3L, 4L], received.Select(e => e.Seq).Distinct().Order());
        }
        finally
        {
            node.Release();
            await Grains.GetGrain<ILiveNodeListGrain>(0).Unregister(nodeId);
            Fixture.Cluster.Client.DeleteObjectReference<ILiveObserver>(reference);
        }
    }

    private static StreamEnvelope Event(string stream, long seq) =>
        new(stream, 1, seq, DateTimeOffset.UtcNow, "Test", RawJson.From(new { seq }));

    /// <summary>A web node that holds the first call it gets until released, as a slow node would.</summary>
    private sealed class GatedNode : ILiveObserver
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<StreamEnvelope> _received = [];

        public Task FirstCallArrived => _arrived.Task;

        public void Release() => _released.TrySetResult();

        public async Task OnStreamEvents(StreamEnvelope[] batch)
        {
            _arrived.TrySetResult();
            await _released.Task;
            lock (_received) _received.AddRange(batch);
        }

        /// <summary>Everything received for the stream once seq <paramref name="last"/> is among it; no timing assertion.</summary>
        public async Task<List<StreamEnvelope>> WaitFor(string stream, long last)
        {
            using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (true)
            {
                List<StreamEnvelope> mine;
                lock (_received) mine = _received.Where(e => e.Stream == stream).ToList();
                if (mine.Any(e => e.Seq == last)) return mine;
                await Task.Delay(20, giveUp.Token);
            }
        }
    }
}
