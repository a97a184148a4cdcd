using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SocialInnovation.Benchmarks.Swarm;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Benchmarks.Fault;

/// <summary>
/// Losing a node: writers keep changing camps and watchers keep watching them through a cluster
/// while one node at a time is killed and started again. Every write is retried with its idempotency
/// key on another node until it is acknowledged; every watcher whose node dies reconnects to a live
/// one and watches again from its position. Reports the figures of issue 19 and the correctness
/// facts a test can check: acknowledged writes lost or doubled, watchers left stale.
/// </summary>
public sealed class FaultRun(IReadOnlyList<IFaultNode> nodes, int camps, int watchersPerCamp, TimeSpan writeGap)
{
    public sealed record Round(int Victim, double KillToNextAckMs, double SurvivorsLongestPauseMs, double VictimsCaughtUpMs, double? DeclaredDeadMs);

    /// <summary>Completes when the cluster has declared the killed node's silo dead (null where it cannot be watched).</summary>
    public Func<int, Task>? DeclaredDead { get; init; }

    public sealed record Result(IReadOnlyList<Round> Rounds, int Acknowledged, int Lost, int Doubled, int StaleWatchers, int Watchers, int Retries);

    private readonly ConcurrentBag<(int Camp, long AckedAt)> _acks = [];

    // Every write attempt: its camp, when it began and ended, and how it ended (for the per-round timelines).
    private readonly ConcurrentBag<(int Camp, long From, long To, string Outcome)> _attempts = [];
    private int _retries;
    private int _next;

    public static async Task Run(string serverDll, string contentRoot, string storage, int rounds, string logs)
    {
        var world = PlatformHost.NewWorld();
        var settings = new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = storage, ["Storage:StateContainer"] = $"state-{world}", ["Cluster:Id"] = world,
            ["Platform:OrganizerKey"] = PlatformHost.OrganizerKey, ["Logging:LogLevel:Default"] = "Warning",
            // Times in the node logs, to line them up with the run's per-round timelines.
            ["Logging:Console:FormatterName"] = "simple", ["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            // Writers retry far faster than people do; the limiter is not what this run measures.
            ["RateLimits:Enabled"] = "false",
        };
        // SI_FAULT_DEBUG=Namespace,… logs those namespaces at Debug (e.g. SocialInnovation.Grains.Live).
        foreach (var ns in (Environment.GetEnvironmentVariable("SI_FAULT_DEBUG") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            settings[$"Logging:LogLevel:{ns}"] = "Debug";
        var nodes = Enumerable.Range(1, 3).Select(i => new ProcessNode(serverDll, contentRoot, i, settings, Path.Combine(logs, $"node-{i}.log"))).ToList();
        foreach (var n in nodes) await n.Restart();
        try
        {
            var membership = new DeathWatch(storage, world);
            var result = await new FaultRun(nodes, camps: 3, watchersPerCamp: 12, writeGap: TimeSpan.FromMilliseconds(300))
            {
                DeclaredDead = victim => membership.Wait(nodes[victim].SiloPort),
            }.Execute(rounds, Console.Error.WriteLine);
            Console.WriteLine(Describe(result));
        }
        finally
        {
            foreach (var n in nodes) await n.Kill();
        }
    }

    public static string Describe(Result r)
    {
        var lines = new List<string>
        {
            "| round | node killed | declared dead after | kill → next acknowledged write (worst camp) | surviving watchers' longest pause | killed node's watchers' longest pause |",
            "|---|---|---|---|---|---|",
        };
        lines.AddRange(r.Rounds.Select((x, i) => $"| {i + 1} | {x.Victim + 1} | {(x.DeclaredDeadMs is { } d ? $"{d:F0} ms" : "not within the round")} | {x.KillToNextAckMs:F0} ms | {x.SurvivorsLongestPauseMs:F0} ms | {x.VictimsCaughtUpMs:F0} ms |"));
        lines.Add("");
        if (r.Rounds.All(x => x.DeclaredDeadMs is not null)) lines.Add($"median declared dead after {Stats.Median(r.Rounds.Select(x => x.DeclaredDeadMs!.Value)):F0} ms");
        lines.Add($"median kill → next ack {Stats.Median(r.Rounds.Select(x => x.KillToNextAckMs)):F0} ms; surviving watchers' longest pause: median {Stats.Median(r.Rounds.Select(x => x.SurvivorsLongestPauseMs)):F0} ms, max {r.Rounds.Max(x => x.SurvivorsLongestPauseMs):F0} ms");
        lines.Add($"acknowledged writes {r.Acknowledged}: lost {r.Lost}, doubled {r.Doubled}; retried attempts {r.Retries}; watchers left stale {r.StaleWatchers} of {r.Watchers}");
        return string.Join("\n", lines);
    }

    public async Task<Result> Execute(int rounds, Action<string>? log = null, TimeSpan? settle = null)
    {
        var settleTime = settle ?? TimeSpan.FromSeconds(8);
        var cookies = new CookieContainer();
        var organizer = new ApiClient(nodes[0].Address, cookies);
        await organizer.SignInOrganizer();
        var campIds = new List<Guid>();
        var watchers = new List<(Watcher Watcher, int Camp, int Node)>();
        for (var c = 0; c < camps; c++)
        {
            var camp = await organizer.CreateCamp($"Fault camp {c}");
            campIds.Add(camp.CampId);
            var invite = await organizer.Invite(camp.CampId, CampRole.Participant, maxUses: watchersPerCamp);
            for (var w = 0; w < watchersPerCamp; w++)
            {
                var node = (c * watchersPerCamp + w) % nodes.Count;
                var person = new ApiClient(nodes[node].Address);
                await person.Redeem(invite.Token!, $"Watcher {c}.{w}");
                var cookie = person.Cookies.GetCookieHeader(nodes[node].Address);
                var watcher = new Watcher(new Uri(nodes[node].Address, "/hubs/camp"), cookie, NextLiveHub) { KeepTimeline = true };
                await watcher.Start();
                await watcher.Watch($"camp:{camp.CampId:N}");
                watchers.Add((watcher, c, node));
            }
        }
        log?.Invoke($"{camps} camps, {watchers.Count} watchers on {nodes.Count} nodes");

        using var stop = new CancellationTokenSource();
        var writers = campIds.Select((id, c) => Task.Run(() => Write(c, id, cookies, writeGap, stop.Token))).ToList();
        var results = new List<Round>();
        await Task.Delay(settleTime / 2);
        for (var round = 0; round < rounds; round++)
        {
            var victim = round % nodes.Count;
            var killedAt = Stopwatch.GetTimestamp();
            await nodes[victim].Kill();
            log?.Invoke($"round {round + 1}: killed node {victim + 1} at {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} (Unix ms; epochs are activation times in Unix ms)");
            var settled = Task.Delay(settleTime);
            double? declaredDead = null;
            if (DeclaredDead is not null && await Task.WhenAny(DeclaredDead(victim), settled) != settled)
                declaredDead = Stopwatch.GetElapsedTime(killedAt).TotalMilliseconds;
            await settled;
            var window = (From: killedAt - Stopwatch.Frequency, To: Stopwatch.GetTimestamp());
            var nextAck = campIds.Select((_, c) => _acks.Where(a => a.Camp == c && a.AckedAt > killedAt).Select(a => a.AckedAt).DefaultIfEmpty(long.MaxValue).Min()).Max();
            var survivors = watchers.Where(w => w.Node != victim).Select(w => LongestPause(w.Watcher.ArrivalTimes(), window.From, window.To)).DefaultIfEmpty(0).Max();
            var victims = watchers.Where(w => w.Node == victim).Select(w => LongestPause(w.Watcher.ArrivalTimes(), window.From, window.To)).DefaultIfEmpty(0).Max();
            results.Add(new Round(victim, nextAck == long.MaxValue ? double.NaN : Stopwatch.GetElapsedTime(killedAt, nextAck).TotalMilliseconds, survivors, victims, declaredDead));
            log?.Invoke($"  {results[^1]}");
            // Where the longest pauses were, to find their cause in the node logs.
            for (var c = 0; c < camps; c++)
            {
                var firstAck = _acks.Where(a => a.Camp == c && a.AckedAt > killedAt).Select(a => a.AckedAt).DefaultIfEmpty(long.MaxValue).Min();
                var worst = watchers.Where(w => w.Camp == c).Select(w => (w, Pause: PauseAt(w.Watcher.ArrivalTimes(), window.From, window.To))).MaxBy(x => x.Pause.Ms);
                log?.Invoke($"  camp {c}: first ack after the kill +{(firstAck == long.MaxValue ? double.NaN : Stopwatch.GetElapsedTime(killedAt, firstAck).TotalMilliseconds):F0} ms; " +
                    $"longest pause {worst.Pause.Ms:F0} ms from +{worst.Pause.FromMs:F0} ms, a watcher on node {worst.w.Node + 1} ({worst.w.Watcher.Repairs})");
                // What that watcher went through: its last event before the pause, each Watch and its answer, the first event after.
                var pauseFrom = killedAt + (long)((worst.Pause.FromMs - 50) * Stopwatch.Frequency / 1000);
                var pauseTo = killedAt + (long)((worst.Pause.FromMs + worst.Pause.Ms + 50) * Stopwatch.Frequency / 1000);
                foreach (var line in worst.w.Watcher.Timeline(pauseFrom, pauseTo, killedAt)) log?.Invoke($"    {line}");
                var ms = (long t) => Stopwatch.GetElapsedTime(killedAt, t).TotalMilliseconds * (t < killedAt ? -1 : 1);
                log?.Invoke("    writes: " + string.Join(", ", _attempts.Where(a => a.Camp == c && a.To >= pauseFrom && a.From <= pauseTo).OrderBy(a => a.From)
                    .Select(a => $"{ms(a.From):F0}..{ms(a.To):F0} {a.Outcome}")));
            }
            await nodes[victim].Restart();
            log?.Invoke($"  node {victim + 1} is back");
            await Task.Delay(settleTime / 2);
        }
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        log?.Invoke($"writers stopped after {_acks.Count} acknowledged writes");

        // Every watcher must reach the camp's final position; lost or doubled writes show in the history.
        var lost = 0;
        var doubled = 0;
        var finalSeq = new long[camps];
        for (var c = 0; c < camps; c++)
        {
            var snapshot = await Retry(() => new ApiClient(NextLive(), cookies).Get<JsonElement>($"/api/camps/{campIds[c]}"));
            finalSeq[c] = snapshot.GetProperty("seq").GetInt64();
            var applied = snapshot.GetProperty("history").GetArrayLength();
            var acked = _acks.Count(a => a.Camp == c);
            // A camp keeps its latest 1,000 phase changes (CampGrain.HistoryKept): past that the history cannot
            // tell a lost write from a dropped old entry, so say so rather than count it either way.
            if (acked >= HistoryKept) throw new InvalidOperationException($"Camp {c} had {acked} acknowledged writes; its history keeps {HistoryKept}: run fewer rounds or more camps.");
            lost += Math.Max(0, acked - applied);
            doubled += Math.Max(0, applied - acked);
        }
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
        while (Stopwatch.GetTimestamp() < deadline && watchers.Any(w => w.Watcher.KnownSeq($"camp:{campIds[w.Camp]:N}") < finalSeq[w.Camp]))
            await Task.Delay(100);
        var stale = watchers.Count(w => w.Watcher.KnownSeq($"camp:{campIds[w.Camp]:N}") < finalSeq[w.Camp]);
        foreach (var (w, _, _) in watchers) await w.DisposeAsync();
        return new Result(results, _acks.Count, lost, doubled, stale, watchers.Count, _retries);
    }

    private const int HistoryKept = 1_000;

    /// <summary>One organizer moving a camp back and forth; each change retried with the same key on the next live node until acknowledged.</summary>
    private async Task Write(int camp, Guid campId, CookieContainer cookies, TimeSpan gap, CancellationToken stop)
    {
        var phase = CampPhase.Draft;
        while (!stop.IsCancellationRequested)
        {
            var to = phase == CampPhase.Draft ? CampPhase.Applications : CampPhase.Draft;
            var change = new ChangePhase(phase, to, Guid.NewGuid().ToString("N"));
            for (var attempt = 0; ; attempt++)
            {
                if (attempt > 0) { Interlocked.Increment(ref _retries); await Task.Delay(Math.Min(50 * attempt, 500)); }
                var began = Stopwatch.GetTimestamp();
                var node = NextLive();
                try
                {
                    using var client = new ApiClient(node, cookies);
                    client.Http.Timeout = TimeSpan.FromSeconds(5);
                    var response = await client.Post($"/api/camps/{campId}/phase", change);
                    _attempts.Add((camp, began, Stopwatch.GetTimestamp(), $"{(int)response.StatusCode}@{node.Port % 10}"));
                    if ((int)response.StatusCode >= 500) continue;
                    response.EnsureSuccessStatusCode();
                    _acks.Add((camp, Stopwatch.GetTimestamp()));
                    break;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    _attempts.Add((camp, began, Stopwatch.GetTimestamp(), $"{ex.GetType().Name}@{node.Port % 10}"));
                }
            }
            phase = to;
            try { await Task.Delay(gap, stop); } catch (OperationCanceledException) { }
        }
    }

    private Uri NextLive()
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = nodes[(int)((uint)Interlocked.Increment(ref _next) % nodes.Count)];
            if (n.Alive) return n.Address;
        }
        return nodes[0].Address;
    }

    private Uri NextLiveHub() => new(NextLive(), "/hubs/camp");

    private static double LongestPause(List<long> arrivals, long from, long to) => PauseAt(arrivals, from, to).Ms;

    /// <summary>The longest time without an arrival in the window, and when it began (ms after the kill, which is 1 s after <paramref name="from"/>).</summary>
    private static (double Ms, double FromMs) PauseAt(List<long> arrivals, long from, long to)
    {
        var inWindow = arrivals.Where(t => t >= from && t <= to).Prepend(from).Append(to).ToList();
        return inWindow.Zip(inWindow.Skip(1), (a, b) => (Stopwatch.GetElapsedTime(a, b).TotalMilliseconds, Stopwatch.GetElapsedTime(from, a).TotalMilliseconds - 1000)).MaxBy(p => p.Item1);
    }

    private static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return await call(); }
            catch (HttpRequestException) when (attempt < 20) { await Task.Delay(250); }
        }
    }
}
