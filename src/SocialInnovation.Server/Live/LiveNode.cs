using Microsoft.AspNetCore.SignalR;
using SocialInnovation.Live;

namespace SocialInnovation.Server.Live;

/// <summary>
/// This web node's end of the fan-out: registers with the node list so that stream events from any silo
/// reach it, and pushes them to the browsers connected here, to the SignalR group named after each
/// stream. It never makes a grain wait: the notifier's call is answered as soon as the sends are
/// started, without waiting for any browser.
/// </summary>
/// <remarks>
/// It registers again at once whenever cluster membership changes, not only on its timer: when a silo
/// dies, the node list's grain may have lived there, and its new activation knows only the nodes that
/// registered since. A notifier that starts then (the first publish on a silo after the dead silo's
/// grains moved there) would otherwise send to that partial list for up to a registration round —
/// measured with <c>deploy/fault.sh</c>: survivors' watchers got no events for 3–4.5 s after writes
/// resumed. A registration that fails (the directory is still catching up with the death) is retried
/// after <see cref="RetryAfter"/>, doubling up to the timer's period.
/// </remarks>
public sealed class LiveNode(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    Grains.Live.LiveTiming timing,
    LiveConnections connections,
    ILogger<LiveNode> log) : IHostedService, ILiveObserver, Grains.Live.ILocalLiveNode, IDisposable
{
    /// <summary>The first retry of a failed registration.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(200);

    // Released when membership changed: the registration loop then registers without waiting for its period.
    private readonly SemaphoreSlim _now = new(0, 1);
    private Task _membership = Task.CompletedTask;

    /// <summary>How many times this node has registered (tests wait for a change of membership to show in it).</summary>
    public int Registrations => _registrations;

    private int _registrations;

    /// <summary>This node's id in the node list (the notifiers skip it on the silo beside it: see <see cref="Push"/>).</summary>
    public string NodeId { get; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    private readonly CancellationTokenSource _stopping = new();
    private ILiveObserver? _reference;
    private Task _refresh = Task.CompletedTask;

    public bool IsRegistered { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _reference = grains.CreateObjectReference<ILiveObserver>(this);
        await Register();
        _refresh = KeepRegistered(_stopping.Token);
        _membership = RegisterOnMembershipChange(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        await _refresh;
        await _membership;
        try
        {
            await grains.GetGrain<ILiveNodeListGrain>(0).Unregister(NodeId).WaitAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            log.LogDebug(ex, "Could not unregister live node {Node}; it expires on its own", NodeId);
        }
        if (_reference is not null) grains.DeleteObjectReference<ILiveObserver>(_reference);
    }

    /// <summary>
    /// Events published by a grain in this process, in that grain's turn. The sends run on the default
    /// scheduler (inline, on this thread): SignalR and Kestrel await without ConfigureAwait(false), and
    /// under the grain's scheduler their continuations would queue behind that grain's turns.
    /// </summary>
    public void Push(StreamEnvelope[] batch)
    {
        var sends = new Task(() => OnStreamEvents(batch));
        sends.RunSynchronously(TaskScheduler.Default);
    }

    /// <summary>Events from a notifier of another silo (this process's own come through <see cref="Push"/>).</summary>
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
        await grains.GetGrain<ILiveNodeListGrain>(0).Register(new LiveNodeEntry(NodeId, _reference!, silo.SiloAddress));
        IsRegistered = true;
        Interlocked.Increment(ref _registrations);
    }

    /// <summary>Registers every <see cref="Grains.Live.LiveTiming.RegisterEvery"/>, at once when membership changed, and soon again after a failure.</summary>
    private async Task KeepRegistered(CancellationToken stopping)
    {
        var wait = timing.RegisterEvery;
        try
        {
            while (true)
            {
                await _now.WaitAsync(wait, stopping);
                try
                {
                    await Register();
                    wait = timing.RegisterEvery;
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    wait = wait >= timing.RegisterEvery ? RetryAfter : TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, timing.RegisterEvery.Ticks));
                    log.LogWarning(ex, "Live node {Node} could not re-register; retrying in {Wait} ms", NodeId, wait.TotalMilliseconds);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RegisterOnMembershipChange(CancellationToken stopping)
    {
        try
        {
            await foreach (var _ in membership.MembershipUpdates.WithCancellation(stopping))
            {
                // At most one pending wake-up: several changes at once need one registration.
                try { _now.Release(); } catch (SemaphoreFullException) { }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _now.Dispose();
    }
}
