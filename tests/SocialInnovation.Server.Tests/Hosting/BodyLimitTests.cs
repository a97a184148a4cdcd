using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using SocialInnovation.Invites;
using SocialInnovation.Server.Tests.Camps;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Hosting;

/// <summary>A JSON command is a few KB; anything far larger is refused before the server reads it.</summary>
public sealed class BodyLimitTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_25_MB_anonymous_body_is_refused_with_413_before_the_server_reads_it()
    {
        // Announce 25 MB but send one byte and wait: only a server that refuses without reading answers.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(fixture.Host.Address.Host, fixture.Host.Address.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/invites/preview HTTP/1.1\r\nHost: {fixture.Host.Address.Authority}\r\n" +
                   "Content-Type: application/json\r\nContent-Length: 26214400\r\n\r\n{";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        var response = await ReadResponse(stream);

        Assert.StartsWith("HTTP/1.1 413", response);
        Assert.Contains("application/problem+json", response);
        Assert.Contains("\"code\":\"request.too-large\"", response);
    }

    [Fact]
    public async Task A_body_over_16_KB_is_refused_and_one_under_it_is_answered_as_usual()
    {
        var client = fixture.Host.Client();

        var tooLarge = await client.Post("/api/invites/preview", new PreviewInvite(new string('A', 17 * 1024)));
        var usual = await client.Post("/api/invites/preview", new PreviewInvite(new string('A', 43)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("request.too-large", (await tooLarge.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.Equal(HttpStatusCode.NotFound, usual.StatusCode);
    }

    [Fact]
    public async Task A_large_body_sent_without_a_length_is_cut_off_at_the_limit()
    {
        var client = fixture.Host.Client();
        var json = Encoding.UTF8.GetBytes($"{{\"token\":\"{new string('A', 1024 * 1024)}\"}}");
        // A stream of unknown length goes out chunked: the server only learns the size by reading.
        var content = new StreamContent(new UnknownLengthStream(json));
        content.Headers.ContentType = new("application/json");

        var response = await client.Http.PostAsync("/api/invites/preview", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request.too-large", (await response.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
    }

    private static async Task<string> ReadResponse(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!timeout.IsCancellationRequested)
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0) break;
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            var text = received.ToString();
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0 && text.Contains("}", StringComparison.Ordinal)) break;
        }
        return received.ToString();
    }

    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
