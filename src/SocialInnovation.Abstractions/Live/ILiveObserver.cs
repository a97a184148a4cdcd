using Orleans.Concurrency;
using SocialInnovation.Common;

namespace SocialInnovation.Live;

/// <summary>
/// Implemented by each web node: receives stream events and pushes them to the browsers connected to
/// that node. It answers as soon as it has started the sends, without waiting for any browser; the
/// notifier keeps one call in flight per node and batches what arrives meanwhile.
/// </summary>
public interface ILiveObserver : IGrainObserver
{
    Task OnStreamEvents(StreamEnvelope[] batch);
}

/// <param name="Silo">The silo the node runs beside; its node is dropped as soon as membership declares it dead.</param>
[GenerateSerializer, Immutable]
public sealed record LiveNodeEntry(string NodeId, ILiveObserver Observer, SiloAddress? Silo);

/// <param name="Complete">
/// False while the list's activation is younger than a registration round (it was just moved or
/// restarted): it may not know every node yet, so notifiers add it to what they knew instead of
/// replacing that.
/// </param>
[GenerateSerializer, Immutable]
public sealed record LiveNodeList(IReadOnlyList<LiveNodeEntry> Nodes, bool Complete);

/// <summary>
/// The list of web nodes that want stream events (one activation, key 0). Nodes re-register on a timer;
/// a node that stops doing so, or whose silo membership declares dead, is dropped.
/// </summary>
public interface ILiveNodeListGrain : IGrainWithIntegerKey
{
    Task Register(LiveNodeEntry node);

    Task Unregister(string nodeId);

    Task<LiveNodeList> GetNodes();
}

/// <summary>
/// Where grains hand their events for fan-out. A stateless worker, so every silo has a local one and the
/// handing-off is one-way and cheap: the publishing grain never waits for any browser.
/// </summary>
public interface ILiveNotifierGrain : IGrainWithIntegerKey
{
    /// <summary>Events of one or more streams, in order per stream.</summary>
    [OneWay]
    Task Publish(StreamEnvelope[] batch);
}

/// <summary>A grain that owns one stream and can bring a watcher up to date on it.</summary>
public interface IStreamOwnerGrain : IGrain
{
    /// <summary>The events after <paramref name="after"/>, or a snapshot (see <see cref="StreamCatchUp"/>).</summary>
    Task<Outcome<StreamCatchUp>> CatchUp(StreamPosition? after);
}
