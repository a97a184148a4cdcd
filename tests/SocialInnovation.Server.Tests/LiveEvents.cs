using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using SocialInnovation.Camps;
using SocialInnovation.Live;
using SocialInnovation.Server.Live;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests;

/// <summary>A started hub connection that records the stream events pushed to it.</summary>
public sealed class LiveEvents : IAsyncDisposable
{
    private readonly Channel<StreamEnvelope> _events = Channel.CreateUnbounded<StreamEnvelope>();

    private LiveEvents(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public static async Task<LiveEvents> Connect(ApiClient client, Uri? at = null)
    {
        var live = new LiveEvents(client.Hub(at));
        live.Connection.On<StreamEnvelope[]>(nameof(ICampClient.StreamEvents), batch =>
        {
            foreach (var e in batch) live._events.Writer.TryWrite(e);
        });
        await live.Connection.StartAsync();
        return live;
    }

    /// <summary>Watches a camp's stream.</summary>
    public Task<HubReply<StreamCatchUp>> Watch(Guid campId, StreamPosition? after = null) =>
        Watch(CampStreams.For(campId).ToString(), after);

    public Task<HubReply<StreamCatchUp>> Watch(string stream, StreamPosition? after = null) =>
        Connection.InvokeAsync<HubReply<StreamCatchUp>>(nameof(CampHub.Watch), stream, after);

    /// <summary>The next pushed event matching <paramref name="match"/>; generous timeout, never a timing assertion.</summary>
    public async Task<StreamEnvelope> Next(Func<StreamEnvelope, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var e = await _events.Reader.ReadAsync(timeout.Token);
            if (match(e)) return e;
        }
    }

    /// <summary>The next pushed camp event of <paramref name="kind"/>.</summary>
    public Task<StreamEnvelope> Next(CampEventKind kind) => Next(e => e.Kind == kind.ToString());

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
