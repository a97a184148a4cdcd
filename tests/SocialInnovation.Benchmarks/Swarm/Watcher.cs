using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>
/// One watching browser tab, as the wire contract describes it: one hub connection, Watch(stream,
/// after) per stream, StreamEvents batches applied by the client rule (same epoch and seq &lt;= known:
/// a duplicate, dropped; known+1: applied; a gap or another epoch: Watch again from the known
/// position). It records when each position arrived and counts everything the rule had to repair.
/// A copy at the seam of a Watch (an event published between joining the stream and reading its
/// catch-up comes both pushed and caught up, as the hub documents) is an overlap, not a duplicate.
/// Until the product has Watch/StreamEvents it speaks the older WatchCamp/CampEvents (epoch 0).
/// </summary>
/// <param name="reconnectTo">When set, a closed connection is replaced by one to the node it names
/// (a browser behind a load balancer lands on a live node), and every stream is watched again from
/// its known position.</param>
public sealed class Watcher(Uri hub, string? cookie, Func<Uri>? reconnectTo = null) : IAsyncDisposable
{
    private volatile bool _disposed;
    private readonly object _gate = new();
    private readonly Dictionary<string, Known> _known = [];

    // Per stream, the position the latest catch-up reached: copies at or below it are the Watch seam's overlap.
    private readonly Dictionary<string, Known> _caughtUpTo = [];
    private HubConnection _connection = null!;

    // (stream, seq) → Stopwatch timestamp of the first arrival (pushed, caught up or covered by a snapshot).
    private Dictionary<(string Stream, long Seq), long> Arrivals { get; } = [];

    public Dictionary<(string Stream, long Seq), long> ArrivalsCopy() { lock (_gate) return new(Arrivals); }

    // Per stream, each new state version the watcher came to hold and when (rising versions only).
    private readonly Dictionary<string, List<(long Version, long At)>> _versions = [];

    /// <summary>
    /// The version of a coalescing stream's state a payload or snapshot carries: a tally's number of
    /// voters (the product's <c>PollTally.voters</c>, the reference hubs' <c>voters</c>), which every vote of
    /// a new voter raises by one. Null for payloads without one.
    /// </summary>
    public static long? StateVersion(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("voters", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    /// <summary>When the watcher first held a state of at least <paramref name="version"/> of the stream; null if never.</summary>
    public long? FirstHeld(string stream, long version)
    {
        lock (_gate)
        {
            if (!_versions.TryGetValue(stream, out var held)) return null;
            foreach (var (v, at) in held) if (v >= version) return at;
            return null;
        }
    }

    public long KnownVersion(string stream) { lock (_gate) return _versions.TryGetValue(stream, out var held) && held.Count > 0 ? held[^1].Version : 0; }

    private void Hold(string stream, long? version, long at)
    {
        if (version is not { } v) return;
        if (!_versions.TryGetValue(stream, out var held)) _versions[stream] = held = [];
        if (held.Count == 0 || held[^1].Version < v) held.Add((v, at));
    }
    public int Duplicates { get; private set; }
    public int Overlaps { get; private set; }
    public int Gaps { get; private set; }
    public int EpochChanges { get; private set; }
    public int Snapshots { get; private set; }
    public int WatchFailures { get; private set; }

    /// <summary>What the client rule had to repair, for logs.</summary>
    public string Repairs => $"gaps {Gaps}, epoch changes {EpochChanges}, snapshots {Snapshots}, failed watches {WatchFailures}, reconnects {Reconnects}";

    // Per server: the product answers "method does not exist" to Watch before issue 19 lands.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> LegacyServers = new();

    public static bool IsLegacy(Uri hub) => LegacyServers.ContainsKey(hub.Authority);

    private bool Legacy => IsLegacy(hub);

    public static HubConnection Connection(Uri hub, string? cookie) => new HubConnectionBuilder()
        .WithUrl(hub, o =>
        {
            // A browser tab opens one WebSocket; negotiation would double the connection cost of a swarm.
            o.SkipNegotiation = true;
            o.Transports = HttpTransportType.WebSockets;
            if (cookie is not null) o.Headers["Cookie"] = cookie;
        })
        .Build();

    public Task Start() => Connect(hub);

    public int Reconnects { get; private set; }

    // What happened to this watcher and when (Stopwatch timestamps), for the fault run's per-watcher timelines.
    private readonly List<(long At, string What)> _timeline = [];

    private void Note(string what)
    {
        if (KeepTimeline) lock (_timeline) _timeline.Add((Stopwatch.GetTimestamp(), what));
    }

    /// <summary>Whether the watcher notes what happens to it (<see cref="Timeline"/>); off for swarms, whose watchers are many.</summary>
    public bool KeepTimeline { get; init; }

    /// <summary>The watcher's notes between two Stopwatch timestamps, each with its time relative to <paramref name="zero"/> in ms.</summary>
    public List<string> Timeline(long from, long to, long zero)
    {
        lock (_timeline)
            return _timeline.Where(t => t.At >= from && t.At <= to)
                .Select(t => $"{Stopwatch.GetElapsedTime(zero, t.At).TotalMilliseconds * (t.At < zero ? -1 : 1):+0;-0} ms {t.What}").ToList();
    }

    private async Task Connect(Uri at)
    {
        var connection = Connection(at, cookie);
        connection.On<JsonElement[]>("StreamEvents", batch => OnBatch(batch, legacy: false));
        connection.On<JsonElement[]>("CampEvents", batch => OnBatch(batch, legacy: true));
        if (reconnectTo is not null) connection.Closed += error => { _ = Task.Run(Reconnect); return Task.CompletedTask; };
        _connection = connection;
        await connection.StartAsync();
    }

    private async Task Reconnect()
    {
        for (var attempt = 0; attempt < 100 && !_disposed; attempt++)
        {
            try
            {
                await Task.Delay(Math.Min(100 * (attempt + 1), 1000));
                if (_disposed) return;
                var to = reconnectTo!();
                await Connect(to);
                Reconnects++;
                Note($"reconnected to {to.Authority}");
                List<(string, Known)> streams;
                lock (_gate) streams = _known.Select(k => (k.Key, k.Value)).ToList();
                foreach (var (stream, known) in streams) await WatchFrom(stream, known);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or TaskCanceledException or System.Net.WebSockets.WebSocketException)
            {
                Note($"reconnect failed: {ex.GetType().Name}");
                // That node is gone too; try the next.
            }
        }
    }

    /// <summary>Every arrival time, in order, for pause measurements.</summary>
    public List<long> ArrivalTimes() { lock (_gate) return Arrivals.Values.Order().ToList(); }

    public Task Watch(string stream) => WatchFrom(stream, null);

    public long KnownSeq(string stream) { lock (_gate) return _known.TryGetValue(stream, out var k) ? k.Seq : 0; }

    public bool Connected => _connection.State == HubConnectionState.Connected;

    private async Task WatchFrom(string stream, Known? after)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            JsonElement reply;
            var started = Stopwatch.GetTimestamp();
            try
            {
                reply = await Invoke(stream, after);
            }
            catch (Exception ex) when (ex is HubException or InvalidOperationException or TaskCanceledException or IOException)
            {
                Note($"watch from {after?.Epoch}/{after?.Seq} threw {ex.GetType().Name} after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
                lock (_gate) WatchFailures++;
                if (_connection.State != HubConnectionState.Connected) return;
                await Task.Delay(100 * (attempt + 1));
                continue;
            }
            if (reply.GetProperty("ok").GetBoolean())
            {
                var v = reply.GetProperty("value");
                Note($"watch from {after?.Epoch}/{after?.Seq} ok after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms: " +
                    $"{(v.TryGetProperty("epoch", out var ep) ? ep.GetInt64() : 0)}/{v.GetProperty("seq").GetInt64()}" +
                    $"{(v.TryGetProperty("snapshot", out var sn) && sn.ValueKind == JsonValueKind.Object ? " snapshot" : "")}");
                ApplyCatchUp(stream, v);
                return;
            }
            lock (_gate) WatchFailures++;
            var error = reply.GetProperty("error");
            Note($"watch from {after?.Epoch}/{after?.Seq} refused after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms: {error.GetProperty("code").GetString()}");
            if (!(error.TryGetProperty("retryable", out var r) && r.ValueKind == JsonValueKind.True)) return;
            await Task.Delay(100 * (attempt + 1));
        }
    }

    private async Task<JsonElement> Invoke(string stream, Known? after)
    {
        if (!Legacy)
        {
            try
            {
                object? position = after is { } a ? new { epoch = a.Epoch, seq = a.Seq } : null;
                return await _connection.InvokeAsync<JsonElement>("Watch", stream, position);
            }
            catch (HubException ex) when (ex.Message.Contains("does not exist", StringComparison.Ordinal))
            {
                LegacyServers[hub.Authority] = true;
            }
        }
        return await _connection.InvokeAsync<JsonElement>("WatchCamp", Guid.ParseExact(stream.Split(':')[1], "N"), after?.Seq);
    }

    private void ApplyCatchUp(string stream, JsonElement value)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var epoch = value.TryGetProperty("epoch", out var e) ? e.GetInt64() : 0;
            var seq = value.GetProperty("seq").GetInt64();
            var known = _known.GetValueOrDefault(stream);
            if (value.TryGetProperty("snapshot", out var snapshot) && snapshot.ValueKind == JsonValueKind.Object)
            {
                // A snapshot stands for every position up to its seq.
                if (known is not null) Snapshots++;
                for (var s = (known?.Epoch == epoch ? known.Seq : 0) + 1; s <= seq; s++) Arrivals.TryAdd((stream, s), now);
                Hold(stream, StateVersion(snapshot), now);
                _known[stream] = new Known(epoch, seq);
            }
            else
            {
                _known[stream] = known ?? new Known(epoch, 0);
            }
            _caughtUpTo[stream] = new Known(epoch, seq);
            if (value.TryGetProperty("events", out var events))
                foreach (var env in events.EnumerateArray()) Apply(Parse(env, legacy: Legacy), now, resync: false);
        }
    }

    private void OnBatch(JsonElement[] batch, bool legacy)
    {
        var now = Stopwatch.GetTimestamp();
        List<(string, Known)>? resync = null;
        lock (_gate)
            foreach (var env in batch)
                if (Apply(Parse(env, legacy), now, resync: true) is { } again) (resync ??= []).Add(again);
        // Never invoke from inside a handler: the connection's receive loop waits for the handler.
        if (resync is not null) foreach (var (stream, known) in resync) _ = Task.Run(() => WatchFrom(stream, known));
    }

    private (string, Known)? Apply((string Stream, long Epoch, long Seq, long? Version) e, long now, bool resync)
    {
        if (!_known.TryGetValue(e.Stream, out var known)) return null; // not (yet) watched
        if (e.Epoch == known.Epoch && e.Seq <= known.Seq)
        {
            // A caught-up copy of a pushed event, or a pushed copy of a caught-up one: the seam of a Watch.
            var seam = !resync || (_caughtUpTo.TryGetValue(e.Stream, out var upTo) && upTo.Epoch == e.Epoch && e.Seq <= upTo.Seq);
            if (seam) Overlaps++; else Duplicates++;
            return null;
        }
        if (e.Epoch == known.Epoch && e.Seq == known.Seq + 1)
        {
            _known[e.Stream] = new Known(e.Epoch, e.Seq);
            Arrivals.TryAdd((e.Stream, e.Seq), now);
            if (resync) Note($"event {e.Epoch}/{e.Seq}");
            Hold(e.Stream, e.Version, now);
            return null;
        }
        if (e.Epoch != known.Epoch) EpochChanges++; else Gaps++;
        if (resync) Note($"{(e.Epoch != known.Epoch ? "epoch change" : "gap")}: known {known.Epoch}/{known.Seq}, got {e.Epoch}/{e.Seq}");
        return resync ? (e.Stream, known) : null;
    }

    private static (string Stream, long Epoch, long Seq, long? Version) Parse(JsonElement env, bool legacy) => legacy
        ? ($"camp:{env.GetProperty("campId").GetGuid():N}", 0, env.GetProperty("seq").GetInt64(), null)
        : (env.GetProperty("stream").GetString()!, env.GetProperty("epoch").GetInt64(), env.GetProperty("seq").GetInt64(),
            env.TryGetProperty("payload", out var payload) ? StateVersion(payload) : null);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_connection is not null) await _connection.DisposeAsync();
    }

    private sealed record Known(long Epoch, long Seq);
}
