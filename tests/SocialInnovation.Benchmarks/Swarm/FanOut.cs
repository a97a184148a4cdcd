using System.Collections.Concurrent;
using System.Diagnostics;

namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>
/// Runs one shape against one target, open loop: change k of a stream is due at a fixed time
/// (start + the stream's offset + k / rate) whatever the server did with change k-1, and every
/// latency is measured from that intended time. A slow server cannot hide its delay by making the
/// swarm send later (coordinated omission): the delay shows in the acks and deliveries of every
/// change it pushed back. Changes of one stream are sent one after another (the product's phase
/// change names the phase it starts from).
/// </summary>
public static class FanOut
{
    public static async Task<Outcome> Run(Target target, Shape shape, Action<string>? log = null)
    {
        target = shape.On?.Invoke(target) ?? target;
        var (streams, joins) = await target.Prepare(shape.Streams, shape.Watchers);
        var watchers = new List<(Watcher Watcher, PreparedStream Stream)>();
        foreach (var s in streams) foreach (var cookie in s.WatcherCookies) watchers.Add((new Watcher(target.Hub, cookie), s));
        await Parallel.ForEachAsync(watchers, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (w, _) =>
        {
            await w.Watcher.Start();
            await w.Watcher.Watch(w.Stream.Name);
        });
        log?.Invoke($"{target.Name}: {watchers.Count} watchers on {streams.Count} streams");

        await using var disruptor = await Disruptors.Start(shape.Disruption, target, streams);
        var intended = new ConcurrentDictionary<(string, long), long>();
        var acks = new ConcurrentBag<double>();
        var failed = 0;
        var period = Stopwatch.Frequency / shape.Rate;
        // Every target's changes start with the swarm's own heap collected. The swarm (workstation GC) collects
        // about once in 40 s, one gen-1 collection pausing it ~150 ms; without this, it fell in the product's
        // window (its preparation, a thousand sign-ins, allocates the most in the swarm), where a trace of
        // the swarm showed it as the cause of the product's worst deliveries: the measuring process's pause
        // charged to one target.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var cpuBefore = ProcessCpu.Now(target.Name);
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 5;
        await Task.WhenAll(streams.Select(async (s, i) =>
        {
            var offset = period * i / streams.Count;
            for (var k = 0; k < shape.ChangesPerStream; k++)
            {
                var due = start + (long)(offset + k * period);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                try
                {
                    var seq = await target.Change(s);
                    var acked = Stopwatch.GetTimestamp();
                    // The first change of each stream warms up connections and activations.
                    if (k == 0) continue;
                    intended[(s.Name, seq)] = due;
                    acks.Add(Stopwatch.GetElapsedTime(due, acked).TotalMilliseconds);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        var note = disruptor.Describe();

        // Everything acknowledged must arrive; give stragglers a bounded time.
        var last = intended.Keys.GroupBy(k => k.Item1).ToDictionary(g => g.Key, g => g.Max(k => k.Item2));
        var drainUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10;
        long Reached(Watcher w, string stream) => shape.Coalescing ? w.KnownVersion(stream) : w.KnownSeq(stream);
        while (Stopwatch.GetTimestamp() < drainUntil && watchers.Any(w => Reached(w.Watcher, w.Stream.Name) < last.GetValueOrDefault(w.Stream.Name)))
            await Task.Delay(50);

        var cpu = ProcessCpu.PerChange(cpuBefore, ProcessCpu.Now(target.Name), intended.Count + streams.Count);
        var delivery = new List<double>();
        long expected = 0, delivered = 0, lost = 0, duplicates = 0, gaps = 0, resyncs = 0;
        var byStream = intended.GroupBy(p => p.Key.Item1).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (w, s) in watchers)
        {
            var arrivals = w.ArrivalsCopy();
            foreach (var ((stream, seq), due) in byStream.GetValueOrDefault(s.Name) ?? [])
            {
                expected++;
                // On a coalescing stream, change k has arrived with the first pushed state that includes it.
                var arrived = shape.Coalescing ? w.FirstHeld(stream, seq) : arrivals.TryGetValue((stream, seq), out var a) ? a : null;
                if (arrived is { } at) { delivered++; delivery.Add(Stopwatch.GetElapsedTime(due, at).TotalMilliseconds); }
                else lost++;
            }
            duplicates += w.Duplicates;
            gaps += w.Gaps;
            resyncs += w.Snapshots + w.EpochChanges;
        }
        await Parallel.ForEachAsync(watchers, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (w, _) => await w.Watcher.DisposeAsync());
        return new Outcome(target.Name, shape, delivery, acks.ToList(), expected, delivered, lost, duplicates, gaps, resyncs, failed, joins, note) { CpuMsPerChange = cpu };
    }
}
