using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace SocialInnovation.Benchmarks.Hubs;

/// <summary>
/// The reference side of issue 18's audience vote: one pick per voter counted in memory (the bare hub),
/// or first written to a blob of its own (the naive hub), and the tally pushed to the poll's group at
/// most every 250 ms exactly as the product's coalescer does it (StreamLog.Coalescer): the first change
/// after a quiet interval goes out at once, later ones together when the interval ends, with whatever
/// is latest then. No codes, no device tokens, no idempotency keys.
/// </summary>
public sealed class VoteCounter(IHubContext<BenchHub> hub, BlobContainerClient? storage)
{
    /// <summary>As the product's poll stream (<c>Live:CoalesceEvery</c>).</summary>
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, Poll> _polls = new();

    // Blob writes in flight at once: without a bound 10,000 voters bury the storage emulator for minutes.
    private readonly SemaphoreSlim _writes = new(64);

    public sealed record Vote(string Voter, string Choice);

    public async Task<object> Cast(string pollId, Vote vote)
    {
        var poll = _polls.GetOrAdd(pollId, id => new Poll(this, $"poll:{id}"));
        if (storage is not null)
        {
            await _writes.WaitAsync();
            try { await storage.GetBlobClient($"{pollId}/{vote.Voter}").UploadAsync(BinaryData.FromObjectAsJson(vote), overwrite: true); }
            finally { _writes.Release(); }
        }
        poll.Count(vote);
        return new { voters = poll.Voters };
    }

    public object? Tally(string pollId) => _polls.TryGetValue(pollId, out var poll) ? poll.Tally(0) : null;

    private sealed class Poll(VoteCounter counter, string stream)
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, string> _picks = [];
        private readonly Dictionary<string, int> _counts = [];
        private long _seq;
        private bool _scheduled;
        private long _lastSent = long.MinValue;

        public int Voters { get { lock (_gate) return _picks.Count; } }

        public void Count(Vote vote)
        {
            object envelope;
            lock (_gate)
            {
                if (_picks.TryGetValue(vote.Voter, out var earlier)) _counts[earlier]--;
                _picks[vote.Voter] = vote.Choice;
                _counts[vote.Choice] = _counts.GetValueOrDefault(vote.Choice) + 1;
                if (_scheduled) return;
                var wait = _lastSent == long.MinValue ? TimeSpan.Zero : Every - Stopwatch.GetElapsedTime(_lastSent);
                if (wait > TimeSpan.Zero)
                {
                    _scheduled = true;
                    _ = PushAfter(wait);
                    return;
                }
                envelope = Envelope();
            }
            _ = Send(envelope);
        }

        private async Task PushAfter(TimeSpan wait)
        {
            await Task.Delay(wait);
            object envelope;
            lock (_gate)
            {
                _scheduled = false;
                envelope = Envelope();
            }
            await Send(envelope);
        }

        // Under the lock: the next position and the send time, so two pushes never take the same interval.
        private object Envelope()
        {
            _lastSent = Stopwatch.GetTimestamp();
            return new { stream, epoch = 1L, seq = ++_seq, at = DateTimeOffset.UtcNow, kind = "Tally", payload = Tally(_seq) };
        }

        private Task Send(object envelope) => counter.Hub.Clients.Group(stream).SendAsync("StreamEvents", new[] { envelope });

        public object Tally(long version)
        {
            lock (_gate)
                // The product's tally's fields, so the pushes are the same size.
                return new
                {
                    pollId = stream, campId = stream, title = "People's choice", dotsPerVoter = 1,
                    options = _counts.OrderBy(c => c.Key).Select(c => new { id = c.Key, label = $"Team {c.Key[1..]}", dots = c.Value }).ToArray(),
                    voters = _picks.Count, closed = false, version, hidden = false,
                };
        }
    }

    private IHubContext<BenchHub> Hub => hub;
}

public static class VoteEndpoints
{
    public static void MapVotes(this WebApplication app)
    {
        app.MapPost("/polls/{poll}/votes", async (string poll, VoteCounter.Vote vote, VoteCounter counter) => TypedResults.Ok(await counter.Cast(poll, vote)));
        app.MapGet("/polls/{poll}", (string poll, VoteCounter counter) => counter.Tally(poll) is { } t ? Results.Ok(t) : Results.NotFound());
    }

    public static IServiceCollection AddVotes(this IServiceCollection services, BlobContainerClient? storage) =>
        services.AddSingleton(sp => new VoteCounter(sp.GetRequiredService<IHubContext<BenchHub>>(), storage));
}
