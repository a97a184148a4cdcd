using SocialInnovation.Live;

namespace SocialInnovation.Grains.Live;

/// <summary>
/// The web nodes that want camp events. Kept in memory only: every node re-registers every few seconds,
/// so after a restart or a move to another silo the list is whole again within one refresh.
/// </summary>
public sealed class LiveNodeListGrain(TimeProvider clock) : Grain, ILiveNodeListGrain
{
    /// <summary>A node that has not re-registered for this long is taken to be gone.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, (ILiveObserver Observer, DateTimeOffset Seen)> _nodes = [];

    public Task Register(string nodeId, ILiveObserver observer)
    {
        _nodes[nodeId] = (observer, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task Unregister(string nodeId)
    {
        _nodes.Remove(nodeId);
        return Task.CompletedTask;
    }

    public Task<ILiveObserver[]> GetObservers()
    {
        var cutoff = clock.GetUtcNow() - Expiry;
        foreach (var gone in _nodes.Where(n => n.Value.Seen <= cutoff).Select(n => n.Key).ToList()) _nodes.Remove(gone);
        return Task.FromResult(_nodes.Values.Select(n => n.Observer).ToArray());
    }
}
