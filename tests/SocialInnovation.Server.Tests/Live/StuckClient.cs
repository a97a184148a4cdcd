using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using SocialInnovation.Live;

namespace SocialInnovation.Server.Tests.Live;

/// <summary>
/// A hub client on a raw WebSocket that watches one stream and then stops reading, as a phone in a
/// tunnel does; its socket's receive buffer is tiny so the server's send buffers fill within a test.
/// Later it can read everything it was sent.
/// </summary>
public sealed class StuckClient : IAsyncDisposable
{
    private const char End = '\u001e';
    private readonly Socket _socket;
    private readonly WebSocket _ws;
    private readonly StringBuilder _buffer = new();

    private StuckClient(Socket socket, WebSocket ws) => (_socket, _ws) = (socket, ws);

    public static async Task<StuckClient> Watch(Uri server, CookieContainer cookies, string stream)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
        await socket.ConnectAsync(server.Host, server.Port);
        var net = new NetworkStream(socket, ownsSocket: false);
        var request = $"GET /hubs/camp HTTP/1.1\r\nHost: {server.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {Convert.ToBase64String(Guid.NewGuid().ToByteArray())}\r\nSec-WebSocket-Version: 13\r\n" +
            $"Cookie: {cookies.GetCookieHeader(server)}\r\n\r\n";
        await net.WriteAsync(Encoding.ASCII.GetBytes(request));
        var headers = new StringBuilder();
        var one = new byte[1];
        while (!headers.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await net.ReadAsync(one) == 0) throw new IOException("Closed during the upgrade.");
            headers.Append((char)one[0]);
        }
        Assert.StartsWith("HTTP/1.1 101", headers.ToString());
        var client = new StuckClient(socket, WebSocket.CreateFromStream(net, new WebSocketCreationOptions { KeepAliveInterval = TimeSpan.Zero }));
        await client.Send("{\"protocol\":\"json\",\"version\":1}");
        await client.Send($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Watch\",\"arguments\":[\"{stream}\",null]}}");
        // Read up to the Watch's answer, so the stream is watched; from here on it reads nothing.
        while (true)
        {
            var message = await client.Receive();
            if (!message.TryGetProperty("type", out var type) || type.GetInt32() != 3) continue; // {} is the handshake
            Assert.True(message.GetProperty("result").GetProperty("ok").GetBoolean());
            return client;
        }
    }

    /// <summary>Reads pushed envelopes until one matches <paramref name="last"/>; generous timeout, no timing assertion.</summary>
    public async Task<List<StreamEnvelope>> ReadUntil(Func<StreamEnvelope, bool> last)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<StreamEnvelope>();
        while (true)
        {
            var message = await Receive(timeout.Token);
            if (!message.TryGetProperty("target", out var target) || target.GetString() != "StreamEvents") continue;
            foreach (var e in message.GetProperty("arguments")[0].Deserialize<StreamEnvelope[]>(LiveJson.Options)!)
            {
                seen.Add(e);
                if (last(e)) return seen;
            }
        }
    }

    private async Task<JsonElement> Receive(CancellationToken cancel = default)
    {
        var chunk = new byte[64 * 1024];
        while (true)
        {
            var text = _buffer.ToString();
            if (text.IndexOf(End) is var end and >= 0)
            {
                _buffer.Remove(0, end + 1);
                return JsonDocument.Parse(text[..end]).RootElement.Clone();
            }
            var read = await _ws.ReceiveAsync(chunk, cancel);
            if (read.MessageType == WebSocketMessageType.Close) throw new IOException("The server closed the connection.");
            _buffer.Append(Encoding.UTF8.GetString(chunk, 0, read.Count));
        }
    }

    private Task Send(string message) =>
        _ws.SendAsync(Encoding.UTF8.GetBytes(message + End), WebSocketMessageType.Text, true, CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        _ws.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
