using Microsoft.AspNetCore.SignalR;
using SocialInnovation.Camps;
using SocialInnovation.Live;

namespace SocialInnovation.Server.Live;

/// <summary>
/// This web node's end of the fan-out: registers with the node list so that camp events from any silo
/// reach it, and pushes them to the browsers connected here. It never makes a grain wait: the
/// notifier's call is one-way, and sends to browsers are started without being awaited in that call.
/// </summary>
public sealed class LiveNode(
    IGrainFactory grains,
    IHubContext<CampHub, ICampClient> hub,
    ILogger<LiveNode> log) : IHostedService, ILiveObserver, IDisposable
{
    /// <summary>Well inside the node list's expiry, so a restarted node list is whole again quickly.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

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

    public Task OnCampEvents(CampEvent[] events)
    {
        foreach (var camp in events.GroupBy(e => e.CampId))
        {
            var batch = camp.OrderBy(e => e.Seq).ToArray();
            _ = Push(camp.Key, batch);
        }
        return Task.CompletedTask;
    }

    private async Task Push(Guid campId, CampEvent[] batch)
    {
        try
        {
            await hub.Clients.Group(LiveGroups.Camp(campId)).CampEvents(batch);
        }
        catch (Exception ex)
        {
            // A client that misses this catches up by sequence number on its next event or reconnect.
            log.LogWarning(ex, "Pushing {Count} events of camp {Camp} failed", batch.Length, campId);
        }
    }

    private async Task Register()
    {
        await grains.GetGrain<ILiveNodeListGrain>(0).Register(_nodeId, _reference!);
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
