using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.SignalR;

namespace SocialInnovation.Benchmarks.Hubs;

/// <summary>
/// Numbers each stream's changes and broadcasts them as envelopes to the stream's group. The naive
/// variant first stores each change in the stream's blob with a conditional (ETag) write, one write
/// per change, and broadcasts after the write: the straightforward way to be durable.
/// </summary>
public sealed class StreamLog(IHubContext<BenchHub> hub, BlobContainerClient? storage)
{
    // One epoch for this process's lifetime: nothing here survives a restart anyway.
    private const long Epoch = 1;
    private readonly ConcurrentDictionary<string, Stream> _streams = new();

    public (long Epoch, long Seq) Position(string stream) => (Epoch, _streams.TryGetValue(stream, out var s) ? s.Seq : 0);

    public async Task<(long Epoch, long Seq)> Append(string stream, string kind, JsonElement payload)
    {
        var s = _streams.GetOrAdd(stream, _ => new Stream());
        // Per stream one change at a time, so envelopes leave in sequence order.
        await s.Gate.WaitAsync();
        try
        {
            var envelope = new { stream, epoch = Epoch, seq = s.Seq + 1, at = DateTimeOffset.UtcNow, kind, payload };
            if (storage is not null) await Store(stream, s, envelope);
            s.Seq++;
            await hub.Clients.Group(stream).SendAsync("StreamEvents", new[] { envelope });
            return (Epoch, s.Seq);
        }
        finally
        {
            s.Gate.Release();
        }
    }

    private async Task Store(string stream, Stream s, object envelope)
    {
        var blob = storage!.GetBlobClient(stream.Replace(':', '-'));
        var conditions = s.ETag is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        var state = BinaryData.FromObjectAsJson(new { seq = s.Seq + 1, last = envelope });
        s.ETag = (await blob.UploadAsync(state, new BlobUploadOptions { Conditions = conditions })).Value.ETag;
    }

    private sealed class Stream
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public long Seq;
        public ETag? ETag;
    }
}
