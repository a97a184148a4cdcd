using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Live;

/// <summary>
/// Sends the events published on this silo to every web node. One activation per silo, so a stream's
/// events leave in the order they were made while its owner stays on one silo.
/// </summary>
/// <remarks>
/// No fixed batch window: each node has one call in flight at a time; an event goes out at once when
/// nothing is in flight to that node, and what arrives meanwhile goes out together in the next call.
/// The node list is cached and refreshed in the background (never awaited by a send); a node found in
/// a refresh also gets the events of the last few seconds, so a node that registered just before an
/// event still gets it (watchers drop the copies by position). Nodes of silos that membership declares
/// dead are dropped. Nothing pending is dropped when the node list cannot be read, nor when this
/// activation is deactivated (it drains first).
/// </remarks>
[StatelessWorker(1), Reentrant]
public sealed class LiveNotifierGrain(
    ILogger<LiveNotifierGrain> log,
    IClusterMembershipService membership,
    LiveTiming timing,
    IServiceProvider services) : Grain, ILiveNotifierGrain
{
    /// <summary>How far back a newly found node is sent events.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan CallPatience = TimeSpan.FromSeconds(5);

    // Real time, not the domain's clock: these are network timings.
    private static readonly TimeProvider Clock = TimeProvider.System;

    private readonly Dictionary<string, Outbox> _nodes = [];

    // The node in this process got every event already, from the publishing grain itself.
    private readonly string? _localNodeId = (services.GetService(typeof(ILocalLiveNode)) as ILocalLiveNode)?.NodeId;
    private readonly List<(DateTimeOffset At, StreamEnvelope[] Batch)> _recent = [];
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;
    private Task? _refreshing;
    private IGrainTimer? _refreshSoon;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        log.LogDebug("Notifier activated");
        await Refresh();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Events taken in are sent before this activation goes (to nodes a last refresh finds, unless
        // the whole silo is stopping: then its own node is going too, and the others catch up by position).
        _refreshSoon?.Dispose();
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
            await (_refreshing is { IsCompleted: false } refreshing ? refreshing : Refresh());
        await Task.WhenAll(_nodes.Values.Select(n => n.Drained)).WaitAsync(CallPatience * 2, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
    }

    public Task Publish(StreamEnvelope[] batch)
    {
        var now = Clock.GetUtcNow();
        if (log.IsEnabled(LogLevel.Debug))
            log.LogDebug("Publish {Stream} {Epoch}/{From}..{To} to {Nodes}", batch[0].Stream, batch[0].Epoch, batch[0].Seq, batch[^1].Seq, string.Join(",", _nodes.Keys.Select(k => k[^4..])));
        _recent.Add((now, batch));
        Forget(now);
        foreach (var node in _nodes.Values) node.Send(batch);
        // Every publish is followed by a refresh within RefreshNodesAfter, so a node that registered before
        // it is found and sent it (from the recent events) even if nothing is published after.
        if (_refreshing is { IsCompleted: false } || _refreshSoon is not null) return Task.CompletedTask;
        var due = _refreshedAt + timing.RefreshNodesAfter - now;
        if (due <= TimeSpan.Zero) _refreshing = Refresh();
        else _refreshSoon = this.RegisterGrainTimer(RefreshSoon, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true });
        return Task.CompletedTask;
    }

    private Task RefreshSoon()
    {
        _refreshSoon?.Dispose();
        _refreshSoon = null;
        if (_refreshing is not { IsCompleted: false }) _refreshing = Refresh();
        return _refreshing;
    }

    private async Task Refresh()
    {
        var askedAt = Clock.GetUtcNow();
        try
        {
            var list = await GrainFactory.GetGrain<ILiveNodeListGrain>(0).GetNodes().WaitAsync(CallPatience);
            if (log.IsEnabled(LogLevel.Debug))
                log.LogDebug("Node list after {Ms} ms: {Nodes} complete {Complete}", (Clock.GetUtcNow() - askedAt).TotalMilliseconds, string.Join(",", list.Nodes.Select(n => n.NodeId[^4..])), list.Complete);
            Update(list);
            _refreshedAt = askedAt;
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Could not read the list of web nodes; sending to the {Count} known", _nodes.Count);
        }
    }

    private void Update(LiveNodeList list)
    {
        var listed = list.Nodes.ToDictionary(n => n.NodeId);
        foreach (var (id, node) in _nodes.ToList())
        {
            // A list that was just rebuilt may not know every node yet: keep those it does not name.
            var gone = list.Complete ? !listed.ContainsKey(id) : false;
            if (gone || !LiveSilos.IsAlive(membership, node.Entry.Silo)) _nodes.Remove(id);
        }
        foreach (var entry in list.Nodes.Where(n => n.NodeId != _localNodeId && !_nodes.ContainsKey(n.NodeId) && LiveSilos.IsAlive(membership, n.Silo)))
        {
            var node = new Outbox(entry, log);
            _nodes[entry.NodeId] = node;
            foreach (var (_, batch) in _recent) node.Send(batch);
        }
    }

    /// <summary>Keeps the recent events a late-found node needs, and whatever no refresh has yet covered.</summary>
    private void Forget(DateTimeOffset now)
    {
        var keepFrom = now - ReplayWindow;
        var old = _recent.FindIndex(r => r.At >= keepFrom || r.At >= _refreshedAt);
        _recent.RemoveRange(0, old < 0 ? _recent.Count : old);
    }

    /// <summary>One web node: at most one call in flight; what arrives meanwhile goes in the next.</summary>
    private sealed class Outbox(LiveNodeEntry entry, ILogger log)
    {
        private readonly List<StreamEnvelope> _pending = [];
        private Task _pump = Task.CompletedTask;

        public LiveNodeEntry Entry => entry;

        public Task Drained => _pump;

        public void Send(StreamEnvelope[] batch)
        {
            _pending.AddRange(batch);
            if (_pump.IsCompleted) _pump = Pump();
        }

        private async Task Pump()
        {
            while (_pending.Count > 0)
            {
                var batch = _pending.ToArray();
                _pending.Clear();
                var started = Clock.GetUtcNow();
                try
                {
                    await entry.Observer.OnStreamEvents(batch).WaitAsync(CallPatience);
                    if (log.IsEnabled(LogLevel.Debug))
                        log.LogDebug("Node {Node} took {Stream} {Epoch}/{From}..{To} in {Ms} ms", entry.NodeId[^4..], batch[0].Stream, batch[0].Epoch, batch[0].Seq, batch[^1].Seq, (Clock.GetUtcNow() - started).TotalMilliseconds);
                }
                catch (Exception ex)
                {
                    // Its watchers see a gap at their next event and catch up; a dead node's silo is dropped by membership.
                    log.LogWarning(ex, "Web node {Node} did not take {Count} events", entry.NodeId, batch.Length);
                }
            }
        }
    }
}
