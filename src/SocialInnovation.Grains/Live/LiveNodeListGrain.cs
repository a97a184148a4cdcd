using SocialInnovation.Live;

namespace SocialInnovation.Grains.Live;

/// <summary>
/// The web nodes that want stream events. Kept in memory only: every node re-registers every few
/// seconds, so after a restart or a move to another silo the list is whole again within one round,
/// and until then it says it is not complete (notifiers then keep the nodes they knew). Nodes of silos
/// that membership declared dead are dropped at once, as GPSTracker's hub list does.
/// </summary>
public sealed class LiveNodeListGrain(TimeProvider clock, IClusterMembershipService membership) : Grain, ILiveNodeListGrain
{
    /// <summary>A node that has not re-registered for this long is taken to be gone.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    /// <summary>How often web nodes re-register.</summary>
    public static readonly TimeSpan RegisterEvery = TimeSpan.FromSeconds(5);

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
        foreach (var gone in _nodes.Where(n => n.Value.Seen <= now - Expiry || !LiveSilos.IsAlive(membership, n.Value.Node.Silo)).Select(n => n.Key).ToList())
            _nodes.Remove(gone);
        var complete = now - _activatedAt > RegisterEvery * 2;
        return Task.FromResult(new LiveNodeList(_nodes.Values.Select(n => n.Node).ToList(), complete));
    }
}

public static class LiveSilos
{
    /// <summary>False once membership says the silo is dead or leaving; a node without a silo (a test client) counts as alive.</summary>
    public static bool IsAlive(IClusterMembershipService membership, SiloAddress? silo) =>
        silo is null || membership.CurrentSnapshot.GetSiloStatus(silo) is not (SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping);
}
