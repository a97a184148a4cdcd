using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace SocialInnovation.Benchmarks.Hubs;

/// <summary>
/// The reference hub the product is measured against: the live-stream wire contract (Watch, Unwatch,
/// StreamEvents envelopes with epoch and seq) on plain SignalR groups, with no Orleans, no access
/// checks and nothing to catch up from.
/// </summary>
public sealed class BenchHub(StreamLog log) : Hub
{
    public async Task<object> Watch(string stream, JsonElement? after)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, stream);
        var (epoch, seq) = log.Position(stream);
        return new { ok = true, value = new { stream, epoch, seq, events = Array.Empty<object>(), snapshot = new { seq } }, error = (object?)null };
    }

    public async Task<object> Unwatch(string stream)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, stream);
        return new { ok = true, value = true, error = (object?)null };
    }
}
