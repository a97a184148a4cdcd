using SocialInnovation.Live;

namespace SocialInnovation.Grains.Live;

/// <summary>
/// The web nodes that want stream events. Kept in memory only: every node re-registers every few
/// seconds (<see cref="LiveTiming.RegisterEvery"/>) and at once when cluster membership changes, so after
/// a silo holding this grain dies the new activation hears from every live node as soon as they learn
/// of the death, and within one round after any other restart or move; until a round has passed it
/// says it is not complete (notifiers then keep the nodes they knew). Nodes of silos that membership
/// declared dead are dropped at once, as GPSTracker's hub list does.
/// </summary>
public sealed class LiveNodeListGrain(TimeProvider clock, IClusterMembershipService membership, LiveTiming timing) : Grain, ILiveNodeListGrain
{
    private readonly Dictionary<string, (LiveNodeEntry Node, DateTimeOffset Seen)> _nodes = [];
    private DateTimeOffset _activatedAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _activatedAt = clock.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task Register(LiveNodeEntry node)
    {
        _nodes[node.NodeId] = (node, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task Unregister(string nodeId)
    {
        _nodes.Remove(nodeId);
        return Task.CompletedTask;
    }

    public Task<LiveNodeList> GetNodes()
    {
        var now = clock.GetUtcNow();
        foreach (var gone in _nodes.Where(n => n.Value.Seen <= now - timing.NodeExpiry || !LiveSilos.IsAlive(membership, n.Value.Node.Silo)).Select(n => n.Key).ToList())
            _nodes.Remove(gone);
        var complete = now - _activatedAt > timing.RegisterEvery * 2;
        return Task.FromResult(new LiveNodeList(_nodes.Values.Select(n => n.Node).ToList(), complete));
    }
}

public static class LiveSilos
{
    /// <summary>False once membership says the silo is dead or leaving; a node without a silo (a test client) counts as alive.</summary>
    public static bool IsAlive(IClusterMembershipService membership, SiloAddress? silo) =>
        silo is null || membership.CurrentSnapshot.GetSiloStatus(silo) is not (SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping);
}
