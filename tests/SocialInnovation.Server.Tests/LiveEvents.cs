using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using SocialInnovation.Camps;
using SocialInnovation.Server.Live;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests;

/// <summary>A started hub connection that records the camp events pushed to it.</summary>
public sealed class LiveEvents : IAsyncDisposable
{
    private readonly Channel<CampEvent> _events = Channel.CreateUnbounded<CampEvent>();

    private LiveEvents(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public static async Task<LiveEvents> Connect(ApiClient client, Uri? at = null)
    {
        var live = new LiveEvents(client.Hub(at));
        live.Connection.On<CampEvent[]>(nameof(ICampClient.CampEvents), batch =>
        {
            foreach (var e in batch) live._events.Writer.TryWrite(e);
        });
        await live.Connection.StartAsync();
        return live;
    }

    public Task<HubReply<CampCatchUp>> Watch(Guid campId, long? afterSeq = null) =>
        Connection.InvokeAsync<HubReply<CampCatchUp>>(nameof(CampHub.WatchCamp), campId, afterSeq);

    /// <summary>The next pushed event matching <paramref name="match"/>; generous timeout, never a timing assertion.</summary>
    public async Task<CampEvent> Next(Func<CampEvent, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var e = await _events.Reader.ReadAsync(timeout.Token);
            if (match(e)) return e;
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
