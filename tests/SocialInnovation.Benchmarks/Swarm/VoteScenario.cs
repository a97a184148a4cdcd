using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>
/// Issue 18's audience vote: 2,000 and 10,000 voters (times <c>scale</c>) each vote once, spread evenly
/// over <c>seconds</c> and sent open loop (each vote's latency counts from when it was due), while one
/// big screen watches the poll's tally. Per target: accepted votes a second (accepted ÷ time from the
/// first due vote to the last answer), the answer's p50/p99, how long after the last answer the big
/// screen showed the final count, and whether the count shown and the count stored both equal exactly
/// the votes accepted. The bare hub counts in memory; the naive hub writes each vote to a blob first;
/// the product stores every vote it answers (group commit).
/// </summary>
public static class VoteScenario
{
    public const string Name = "votes";

    public const int Options = 5;

    public static async Task<string> Run(IReadOnlyList<Target> targets, int runs, double scale, double seconds)
    {
        var results = new List<VoteResult>();
        foreach (var voters in new[] { 2000, 10000 }.Select(n => Math.Max(10, (int)Math.Round(n * scale))).Distinct())
            for (var run = 0; run < runs; run++)
                // The naive hub last: at 10,000 voters it leaves a backlog of blob writes that would slow whatever ran next.
                foreach (var target in targets.OrderBy(t => t.Name == "naive"))
                {
                    var r = await RunOne(Ballot.For(target), voters, TimeSpan.FromSeconds(seconds));
                    Console.Error.WriteLine($"  run {run + 1} {r.Target} {voters} voters: {r.VotesPerSecond:F0} votes/s; ack {Stats.Summary(r.Acks)}; screen +{r.ScreenAfterLastAckMs:F0} ms; exact {r.Exact}");
                    results.Add(r);
                }
        return Report(results);
    }

    public static async Task<VoteResult> RunOne(Ballot ballot, int voters, TimeSpan over)
    {
        var poll = await ballot.Open(Options);
        await using var screen = new BigScreen(poll.Stream);
        await screen.Start(poll.Screen());

        var acks = new ConcurrentBag<double>();
        var expected = new int[Options];
        int accepted = 0, failed = 0;
        long lastAck = 0;
        var period = over.TotalSeconds * Stopwatch.Frequency / voters;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 5;
        await Task.WhenAll(Enumerable.Range(0, voters).Select(async voter =>
        {
            var due = start + (long)(voter * period);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var choice = Choice(voter);
            bool ok;
            try { ok = await poll.Cast(voter, choice); }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { ok = false; }
            var answered = Stopwatch.GetTimestamp();
            if (!ok) { Interlocked.Increment(ref failed); return; }
            Interlocked.Increment(ref accepted);
            Interlocked.Increment(ref expected[choice]);
            acks.Add(Stopwatch.GetElapsedTime(due, answered).TotalMilliseconds);
            long seen;
            while ((seen = Interlocked.Read(ref lastAck)) < answered && Interlocked.CompareExchange(ref lastAck, answered, seen) != seen) { }
        }));

        // The big screen must come to show exactly what was accepted; a bounded wait.
        var shownAt = await screen.WaitFor(accepted, TimeSpan.FromSeconds(30));
        var stored = await poll.Stored();
        var exact = stored.Voters == accepted && stored.Counts.SequenceEqual(expected)
            && screen.Latest is { } shown && shown.Voters == accepted && shown.Counts.SequenceEqual(expected);
        return new VoteResult(ballot.Name, voters, accepted, failed,
            accepted / Stopwatch.GetElapsedTime(start, lastAck == 0 ? start + 1 : lastAck).TotalSeconds,
            acks.ToList(), shownAt is { } at ? Stopwatch.GetElapsedTime(lastAck, at).TotalMilliseconds : double.NaN, exact);
    }

    /// <summary>A spread of picks, uneven as a real vote is (option 0 most popular).</summary>
    private static int Choice(int voter) => voter % 15 switch { < 5 => 0, < 9 => 1, < 12 => 2, < 14 => 3, _ => 4 };

    public static string Report(IReadOnlyList<VoteResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| target | voters | accepted votes/s | ack p50 | ack p99 | max | screen shows the final count after the last ack | accepted / failed | shown = stored = accepted |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var g in results.GroupBy(r => (r.Target, r.Voters)))
        {
            var runs = g.ToList();
            text.AppendLine($"| {g.Key.Target} | {g.Key.Voters} | {Stats.Median(runs.Select(r => r.VotesPerSecond)):F0} | {Stats.Median(runs.Select(r => Stats.At(r.Acks, .5))):F1} ms | " +
                $"{Stats.Median(runs.Select(r => Stats.At(r.Acks, .99))):F1} ms | {Stats.Median(runs.Select(r => Stats.At(r.Acks, 1))):F1} ms | " +
                $"{Stats.Median(runs.Select(r => r.ScreenAfterLastAckMs)):F0} ms | {runs.Sum(r => r.Accepted)} / {runs.Sum(r => r.Failed)} | {(runs.All(r => r.Exact) ? "yes" : "NO")} |");
        }
        foreach (var voters in results.Select(r => r.Voters).Distinct())
        {
            double Rate(string target) => Stats.Median(results.Where(r => r.Target == target && r.Voters == voters).Select(r => r.VotesPerSecond));
            double Ack(string target) => Stats.Median(results.Where(r => r.Target == target && r.Voters == voters).Select(r => Stats.At(r.Acks, .99)));
            if (results.Any(r => r.Target == "product" && r.Voters == voters) && results.Any(r => r.Target == "bare" && r.Voters == voters))
                text.AppendLine().Append($"{voters} voters: accepted votes/s product ÷ bare {Rate("product") / Rate("bare"):F2}× (goal ≥ 0.7×); ack p99 product ÷ bare {Ack("product") / Ack("bare"):F2}×");
            if (results.Any(r => r.Target == "naive" && r.Voters == voters))
                text.Append($", ÷ naive {Ack("product") / Ack("naive"):F2}×");
        }
        return text.AppendLine().ToString();
    }
}

public sealed record VoteResult(string Target, int Voters, int Accepted, int Failed, double VotesPerSecond, IReadOnlyList<double> Acks, double ScreenAfterLastAckMs, bool Exact);

/// <summary>A poll ready for votes: its stream, the big screen's connection, a vote, and the stored count.</summary>
public sealed record OpenedPoll(string Stream, Func<HubConnection> Screen, Func<int, int, Task<bool>> Cast, Func<Task<(int Voters, int[] Counts)>> Stored);

/// <summary>Opens a poll on one target.</summary>
public abstract class Ballot(string name)
{
    public string Name => name;

    public abstract Task<OpenedPoll> Open(int options);

    public static Ballot For(Target target) => target is HubTarget ? new HubBallot(target.Name, target.Address) : new ProductBallot(target.Address);

    /// <summary>Reads a tally payload (the product's PollTally or the reference hubs' count): voters and dots per option o1..oN.</summary>
    public static (int Voters, int[] Counts) ReadTally(JsonElement tally, int options)
    {
        var counts = new int[options];
        foreach (var o in tally.GetProperty("options").EnumerateArray())
            if (o.GetProperty("id").GetString() is ['o', .. var n] && int.TryParse(n, out var k) && k >= 1 && k <= options)
                counts[k - 1] = o.GetProperty("dots").GetInt32();
        return (tally.GetProperty("voters").GetInt32(), counts);
    }
}

/// <summary>The screen on the wall: the latest tally pushed on the poll's stream, and when it first showed a count.</summary>
public sealed class BigScreen(string stream) : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<(int Voters, long At)> _shown = [];
    private HubConnection? _connection;

    public (int Voters, int[] Counts)? Latest { get; private set; }

    public async Task Start(HubConnection connection)
    {
        _connection = connection;
        connection.On<JsonElement[]>("StreamEvents", batch =>
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var envelope in batch)
                if (envelope.GetProperty("stream").GetString() == stream && envelope.GetProperty("payload") is { ValueKind: JsonValueKind.Object } payload)
                    lock (_gate)
                    {
                        var tally = Ballot.ReadTally(payload, VoteScenario.Options);
                        if (Latest is null || tally.Voters >= Latest.Value.Voters) Latest = tally;
                        _shown.Add((tally.Voters, now));
                    }
        });
        await connection.StartAsync();
        var reply = await connection.InvokeAsync<JsonElement>("Watch", stream, null);
        if (!reply.GetProperty("ok").GetBoolean()) throw new InvalidOperationException($"The big screen may not watch {stream}: {reply}");
    }

    /// <summary>When the screen first showed <paramref name="voters"/> voters; null if it did not within the wait.</summary>
    public async Task<long?> WaitFor(int voters, TimeSpan wait)
    {
        var until = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            lock (_gate)
                if (_shown.FirstOrDefault(s => s.Voters >= voters) is { At: > 0 } reached) return reached.At;
            await Task.Delay(20);
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
