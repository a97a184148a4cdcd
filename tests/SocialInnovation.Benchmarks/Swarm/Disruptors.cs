using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;

namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>Bad clients running beside the honest watchers while they are measured.</summary>
public abstract class Disruptors : IAsyncDisposable
{
    public static async Task<Disruptors> Start(Disruption kind, Target target, IReadOnlyList<PreparedStream> streams) => kind switch
    {
        Disruption.SlowConsumers => await SlowConsumers.Start(target, streams),
        Disruption.Flooder => await Flooder.Start(target, streams[0]),
        _ => new Nothing(),
    };

    public abstract string? Describe();

    public abstract ValueTask DisposeAsync();

    private sealed class Nothing : Disruptors
    {
        public override string? Describe() => null;
        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// One connection per stream that watches it and then never reads: a phone in a tunnel. Its socket's
/// receive buffer is made tiny so the server's send buffers fill within the run instead of after
/// megabytes. It still sends a ping every few seconds, as a live but stuck client would, so the
/// server keeps it unless it decides to drop it.
/// </summary>
public sealed class SlowConsumers : Disruptors
{
    private readonly List<(Socket Socket, WebSocket WebSocket)> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _pings = Task.CompletedTask;

    public static async Task<Disruptors> Start(Target target, IReadOnlyList<PreparedStream> streams)
    {
        var slow = new SlowConsumers();
        foreach (var s in streams)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
            await socket.ConnectAsync(target.Address.Host, target.Address.Port);
            var stream = new NetworkStream(socket, ownsSocket: false);
            var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
            var request = $"GET /hubs/camp HTTP/1.1\r\nHost: {target.Address.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n" + (s.SpareCookie is { } c ? $"Cookie: {c}\r\n" : "") + "\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
            await ReadHeaders(stream);
            var ws = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
            await Send(ws, "{\"protocol\":\"json\",\"version\":1}");
            var watch = Watcher.IsLegacy(target.Hub)
                ? $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"WatchCamp\",\"arguments\":[\"{Guid.ParseExact(s.Name.Split(':')[1], "N")}\",null]}}"
                : $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Watch\",\"arguments\":[\"{s.Name}\",null]}}";
            await Send(ws, watch);
            slow._clients.Add((socket, ws));
        }
        slow._pings = slow.Ping();
        return slow;
    }

    public override string? Describe() => $"{_clients.Count} slow consumers (never read), {_clients.Count(c => c.Socket.Connected)} still connected";

    private async Task Ping()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token);
                foreach (var (_, ws) in _clients)
                    try { await Send(ws, "{\"type\":6}").WaitAsync(TimeSpan.FromSeconds(1)); } catch (Exception) { /* dropped by the server */ }
            }
        }
        catch (OperationCanceledException) { }
    }

    private static Task Send(WebSocket ws, string message) =>
        ws.SendAsync(Encoding.UTF8.GetBytes(message + "\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task ReadHeaders(NetworkStream stream)
    {
        var seen = new StringBuilder();
        var one = new byte[1];
        while (!seen.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0) throw new IOException("The server closed the connection during the upgrade.");
            seen.Append((char)one[0]);
        }
        if (!seen.ToString().StartsWith("HTTP/1.1 101", StringComparison.Ordinal)) throw new IOException($"No WebSocket upgrade: {seen.ToString().Split('\r')[0]}");
    }

    public override async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pings;
        foreach (var (socket, _) in _clients) socket.Dispose();
    }
}

/// <summary>One connection calling Watch as fast as it can, without waiting for answers.</summary>
public sealed class Flooder : Disruptors
{
    private readonly CancellationTokenSource _stop = new();
    private HubConnection _connection = null!;
    private Task _loop = Task.CompletedTask;
    private long _calls;
    private long _started;
    private string? _ended;
    private bool _legacy;

    public static async Task<Disruptors> Start(Target target, PreparedStream stream)
    {
        var flooder = new Flooder { _connection = Watcher.Connection(target.Hub, stream.SpareCookie), _legacy = Watcher.IsLegacy(target.Hub) };
        await flooder._connection.StartAsync();
        flooder._started = Stopwatch.GetTimestamp();
        flooder._loop = Task.Run(() => flooder.Flood(stream.Name));
        return flooder;
    }

    private async Task Flood(string stream)
    {
        var campId = Guid.ParseExact(stream.Split(':')[1], "N");
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (_legacy) await _connection.SendAsync("WatchCamp", campId, (long?)null);
                else await _connection.SendAsync("Watch", stream, null);
                _calls++;
            }
        }
        catch (Exception ex)
        {
            _ended = $"ended by the server after {_calls} calls ({ex.GetType().Name})";
        }
    }

    public override string? Describe() =>
        $"flooder: {_calls / Stopwatch.GetElapsedTime(_started).TotalSeconds:F0} Watch calls/s{(_ended is null ? "" : ", " + _ended)}";

    public override async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await _connection.DisposeAsync();
    }
}
