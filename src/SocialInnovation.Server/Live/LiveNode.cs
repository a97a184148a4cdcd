using Microsoft.AspNetCore.SignalR;
using SocialInnovation.Live;

namespace SocialInnovation.Server.Live;

/// <summary>
/// This web node's end of the fan-out: registers with the node list so that stream events from any silo
/// reach it, and pushes them to the browsers connected here, to the SignalR group named after each
/// stream. It never makes a grain wait: the notifier's call is answered as soon as the sends are
/// started, without waiting for any browser.
/// </summary>
public sealed class LiveNode(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    LiveConnections connections,
    ILogger<LiveNode> log) : IHostedService, ILiveObserver, IDisposable
{
    /// <summary>Well inside the node list's expiry, so a restarted node list is whole again quickly.</summary>
    public static readonly TimeSpan RefreshEvery = Grains.Live.LiveNodeListGrain.RegisterEvery;

    private readonly string _nodeId = $"{Environment.MachineName}-{Guid.NewGuid():N}";
    private readonly CancellationTokenSource _stopping = new();
    private ILiveObserver? _reference;
    private Task _refresh = Task.CompletedTask;

    public bool IsRegistered { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _reference = grains.CreateObjectReference<ILiveObserver>(this);
        await Register();
        _refresh = KeepRegistered(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        await _refresh;
        try
        {
            await grains.GetGrain<ILiveNodeListGrain>(0).Unregister(_nodeId).WaitAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            log.LogDebug(ex, "Could not unregister live node {Node}; it expires on its own", _nodeId);
        }
        if (_reference is not null) grains.DeleteObjectReference<ILiveObserver>(_reference);
    }

    public Task OnStreamEvents(StreamEnvelope[] batch)
    {
        foreach (var stream in batch.GroupBy(e => e.Stream))
        {
            try
            {
                connections.Push(stream.Key, stream.ToArray());
            }
            catch (Exception ex)
            {
                // A client that misses this catches up by position on its next event or reconnect.
                log.LogWarning(ex, "Pushing {Count} events of {Stream} failed", stream.Count(), stream.Key);
            }
        }
        return Task.CompletedTask;
    }

    private async Task Register()
    {
        await grains.GetGrain<ILiveNodeListGrain>(0).Register(new LiveNodeEntry(_nodeId, _reference!, silo.SiloAddress));
        IsRegistered = true;
    }

    private async Task KeepRegistered(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await Register();
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    log.LogWarning(ex, "Live node {Node} could not re-register; retrying", _nodeId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => _stopping.Dispose();
}
