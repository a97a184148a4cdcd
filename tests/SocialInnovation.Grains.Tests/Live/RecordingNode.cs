using SocialInnovation.Live;

namespace SocialInnovation.Grains.Tests.Live;

/// <summary>Stands in for a web node: registers with the node list and records what notifiers send it.</summary>
public sealed class RecordingNode : ILiveObserver, IAsyncDisposable
{
    private readonly List<StreamEnvelope> _received = [];
    private readonly string _nodeId = $"test-node-{Guid.NewGuid():N}";
    private IClusterClient _client = null!;

    public ILiveObserver Reference { get; private set; } = null!;

    public static Task<RecordingNode> Register(ClusterFixture fixture) => Register(fixture.Cluster.Client);

    public static async Task<RecordingNode> Register(IClusterClient client)
    {
        var node = new RecordingNode { _client = client };
        node.Reference = client.CreateObjectReference<ILiveObserver>(node);
        await client.GetGrain<ILiveNodeListGrain>(0).Register(new LiveNodeEntry(node._nodeId, node.Reference, null));
        return node;
    }

    public Task OnStreamEvents(StreamEnvelope[] batch)
    {
        lock (_received) _received.AddRange(batch);
        return Task.CompletedTask;
    }

    /// <summary>Everything received for <paramref name="stream"/> so far, in order of arrival.</summary>
    public IReadOnlyList<StreamEnvelope> Received(string stream)
    {
        lock (_received) return _received.Where(e => e.Stream == stream).ToList();
    }

    /// <summary>This stream's events as received, once one of them matches <paramref name="until"/>; never a timing assertion.</summary>
    public async Task<IReadOnlyList<StreamEnvelope>> WaitFor(string stream, Func<StreamEnvelope, bool> until)
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var mine = Received(stream);
            if (mine.Any(until)) return mine;
            if (giveUp.IsCancellationRequested)
                Assert.Fail($"The web node did not get the expected event; it got [{string.Join(", ", mine.Select(e => $"{e.Epoch}/{e.Seq}"))}].");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _client.GetGrain<ILiveNodeListGrain>(0).Unregister(_nodeId);
        _client.DeleteObjectReference<ILiveObserver>(Reference);
    }
}
