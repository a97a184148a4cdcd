using Microsoft.AspNetCore.SignalR;
using SocialInnovation.Live;

namespace SocialInnovation.Server.Live;

/// <summary>
/// This node's hub connections and the streams each watches. Pushes go through each connection's
/// <see cref="Outbox"/> instead of SignalR groups, so that a connection that stops reading is dropped
/// from live sends and told to resync rather than holding an ever longer queue.
/// </summary>
public sealed class LiveConnections(LiveLimits limits, TimeProvider clock, ILogger<LiveConnections> log)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Outbox> _connections = [];

    // Copy-on-write arrays: a push (many a second) reads without a lock; watch and unwatch (rare) copy.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Outbox[]> _watchers = new();

    public void Connected(HubConnectionContext connection)
    {
        lock (_gate) _connections[connection.ConnectionId] = new Outbox(connection, limits.SendQueue, clock, log);
    }

    public void Disconnected(string connectionId)
    {
        lock (_gate)
        {
            if (!_connections.Remove(connectionId, out var outbox)) return;
            foreach (var stream in outbox.Streams) Remove(stream, outbox);
            outbox.Close();
        }
    }

    /// <summary>Adds the stream to what the connection gets; false when it already watches as many as it may.</summary>
    public bool Watch(string connectionId, string stream)
    {
        lock (_gate)
        {
            if (!_connections.TryGetValue(connectionId, out var outbox)) return true; // closing: nothing to send to
            if (outbox.Streams.Contains(stream)) return true;
            if (outbox.Streams.Count >= limits.StreamsPerConnection) return false;
            outbox.Streams.Add(stream);
            _watchers[stream] = [.. _watchers.GetValueOrDefault(stream, []), outbox];
            return true;
        }
    }

    public void Unwatch(string connectionId, string stream)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(connectionId, out var outbox) && outbox.Streams.Remove(stream)) Remove(stream, outbox);
        }
    }

    /// <summary>Sends one stream's batch to every connection here that watches it; never waits for any.</summary>
    public void Push(string stream, StreamEnvelope[] batch)
    {
        if (!_watchers.TryGetValue(stream, out var watchers)) return;
        var message = Outbox.Message(batch);
        foreach (var outbox in watchers) outbox.Post(stream, message);
    }

    /// <summary>The connection's outbox, if it is connected here (tests look at its overflows).</summary>
    public Outbox? Of(string connectionId)
    {
        lock (_gate) return _connections.GetValueOrDefault(connectionId);
    }

    private void Remove(string stream, Outbox outbox)
    {
        var left = _watchers.GetValueOrDefault(stream, []).Where(o => o != outbox).ToArray();
        if (left.Length == 0) _watchers.TryRemove(stream, out _);
        else _watchers[stream] = left;
    }
}

/// <summary>SignalR's own connection bookkeeping, which also tells <see cref="LiveConnections"/> who is here.</summary>
public sealed class LiveLifetimeManager(ILogger<DefaultHubLifetimeManager<CampHub>> log, LiveConnections connections)
    : DefaultHubLifetimeManager<CampHub>(log)
{
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await base.OnConnectedAsync(connection);
        connections.Connected(connection);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        connections.Disconnected(connection.ConnectionId);
        await base.OnDisconnectedAsync(connection);
    }
}
