using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using SocialInnovation.Live;

namespace SocialInnovation.Server.Live;

/// <summary>
/// One connection's outbound queue of stream batches. A connection that reads in time never queues: a
/// write that completes at once is the common case. One that stops reading (a phone in a tunnel) leaves
/// its write pending; then at most <c>capacity</c> batches wait behind it, and beyond that they are
/// dropped and the connection is owed a <see cref="StreamEnvelope.Reset"/> for each stream it lost
/// events of, sent once it reads again, so it catches up by position. Memory stays bounded and no send to
/// anyone else ever waits for this connection.
/// </summary>
public sealed class Outbox(HubConnectionContext connection, int capacity, TimeProvider clock, ILogger log)
{
    private readonly object _gate = new();
    private readonly Queue<(string Stream, SerializedHubMessage Message)> _queue = new();
    private HashSet<string>? _lost;
    private bool _writing;
    private bool _closed;

    public string ConnectionId => connection.ConnectionId;

    /// <summary>The streams this connection watches; guarded by <see cref="LiveConnections"/>.</summary>
    internal HashSet<string> Streams { get; } = [];

    /// <summary>How often this connection fell behind and was told to resync (for tests and logs).</summary>
    public int Overflows { get; private set; }

    public void Post(string stream, SerializedHubMessage message)
    {
        lock (_gate)
        {
            if (_closed) return;
            if (_writing)
            {
                if (_lost is not null) _lost.Add(stream);
                else if (_queue.Count < capacity) _queue.Enqueue((stream, message));
                else Overflow(stream);
                return;
            }
            _writing = true;
        }
        Drain(message);
    }

    /// <summary>The connection is gone: whatever waits is dropped (its pending write ends with the socket).</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            _queue.Clear();
            _lost = null;
        }
    }

    private void Overflow(string stream)
    {
        _lost = [stream, .. _queue.Select(q => q.Stream)];
        log.LogInformation("Connection {Connection} fell behind by {Count} batches; dropped them and owes it a resync of {Streams} streams",
            connection.ConnectionId, _queue.Count, _lost.Count);
        _queue.Clear();
        Overflows++;
    }

    /// <summary>Writes until nothing waits; a write that does not complete at once continues when it does.</summary>
    private void Drain(SerializedHubMessage? next)
    {
        while (next is not null)
        {
            ValueTask write;
            try
            {
                write = connection.WriteAsync(next);
            }
            catch (Exception ex)
            {
                write = ValueTask.FromException(ex);
            }
            if (!write.IsCompleted)
            {
                _ = ContinueAfter(write);
                return;
            }
            Observe(write);
            next = Take();
        }
    }

    private async Task ContinueAfter(ValueTask write)
    {
        try
        {
            await write;
        }
        catch (Exception ex)
        {
            log.LogDebug(ex, "A write to connection {Connection} failed; it is closing", connection.ConnectionId);
        }
        Drain(Take());
    }

    private void Observe(ValueTask write)
    {
        try
        {
            write.GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            log.LogDebug(ex, "A write to connection {Connection} failed; it is closing", connection.ConnectionId);
        }
    }

    /// <summary>The next message to write: a queued batch, else the resync it is owed, else none (idle).</summary>
    private SerializedHubMessage? Take()
    {
        lock (_gate)
        {
            if (!_closed && _queue.TryDequeue(out var queued)) return queued.Message;
            if (!_closed && _lost is { } lost)
            {
                _lost = null;
                var now = clock.GetUtcNow();
                return Message(lost.Select(s => StreamEnvelope.Reset(s, now)).ToArray());
            }
            _writing = false;
            return null;
        }
    }

    /// <summary>A <c>StreamEvents</c> push, serialized once per protocol however many connections get it.</summary>
    public static SerializedHubMessage Message(StreamEnvelope[] batch) =>
        new(new InvocationMessage(nameof(ICampClient.StreamEvents), [batch]));
}
