using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SocialInnovation.Camps;
using SocialInnovation.Invites;
using SocialInnovation.Judging;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>
/// Issue 18's judging load: 50 judges (times <c>scale</c>) each score all 30 teams on the default rubric
/// (5 criteria), one team a second, so 1,500 score sheets arrive within 30 s, open loop. The figure is the
/// judge's acknowledgement (stored) p95, beside the bare hub (no storage) and the naive hub (one blob write
/// per sheet), where all judges write to one stream as all of a camp's judges write to one judging round.
/// After the run the product's leaderboard must count exactly the sheets it acknowledged.
/// </summary>
public static class JudgeScenario
{
    public const string Name = "judges";

    public const int Teams = 30;

    public static async Task<string> Run(IReadOnlyList<Target> targets, int runs, double scale, double seconds)
    {
        var judges = Math.Max(2, (int)Math.Round(50 * scale));
        var results = new List<JudgingResult>();
        for (var run = 0; run < runs; run++)
            foreach (var target in targets)
            {
                var r = await RunOne(target, judges, Teams, TimeSpan.FromSeconds(Teams));
                Console.Error.WriteLine($"  run {run + 1} {r.Target} {judges} judges × {Teams} teams: ack {Stats.Summary(r.Acks)}; failed {r.Failed}; counted {r.Counted?.ToString() ?? "-"}");
                results.Add(r);
            }
        return Report(results);
    }

    /// <param name="over">The time in which each judge scores every team, evenly spaced.</param>
    public static async Task<JudgingResult> RunOne(Target target, int judges, int teams, TimeSpan over)
    {
        var round = target is HubTarget ? (JudgingRound)new HubRound(target.Address) : new ProductRound(target.Address);
        var scorers = await round.Prepare(judges, teams);
        var acks = new ConcurrentBag<double>();
        var failed = 0;
        var period = over.TotalSeconds * Stopwatch.Frequency / teams;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 5;
        await Task.WhenAll(Enumerable.Range(0, judges).Select(async j =>
        {
            var offset = period * j / judges;
            for (var t = 0; t < teams; t++)
            {
                var due = start + (long)(offset + t * period);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                bool ok;
                try { ok = await scorers[j]((j + t) % teams); }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { ok = false; }
                if (ok) acks.Add(Stopwatch.GetElapsedTime(due, Stopwatch.GetTimestamp()).TotalMilliseconds);
                else Interlocked.Increment(ref failed);
            }
        }));
        return new JudgingResult(target.Name, judges, teams, acks.ToList(), failed, await round.Counted());
    }

    public static string Report(IReadOnlyList<JudgingResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| target | judges × teams | sheets acknowledged / failed | ack p50 | ack p95 | p99 | max | counted = acknowledged |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var g in results.GroupBy(r => r.Target))
        {
            var runs = g.ToList();
            double Ack(double q) => Stats.Median(runs.Select(r => Stats.At(r.Acks, q)));
            var counted = runs.All(r => r.Counted is null) ? "n/a" : runs.All(r => r.Counted == r.Acks.Count) ? "yes" : "NO";
            text.AppendLine($"| {g.Key} | {runs[0].Judges} × {runs[0].Teams} | {runs.Sum(r => r.Acks.Count)} / {runs.Sum(r => r.Failed)} | {Ack(.5):F1} ms | {Ack(.95):F1} ms | {Ack(.99):F1} ms | {Ack(1):F1} ms | {counted} |");
        }
        double P95(string target) => Stats.Median(results.Where(r => r.Target == target).Select(r => Stats.At(r.Acks, .95)));
        if (results.Any(r => r.Target == "product") && results.Any(r => r.Target == "naive") && results.Any(r => r.Target == "bare"))
            text.AppendLine().AppendLine($"judges: ack p95 product ÷ naive {P95("product") / P95("naive"):F2}×, ÷ bare {P95("product") / P95("bare"):F2}×");
        return text.ToString();
    }
}

public sealed record JudgingResult(string Target, int Judges, int Teams, IReadOnlyList<double> Acks, int Failed, int? Counted);

/// <summary>One judging round on one target: a scorer per judge (team index → acknowledged?) and, after, the count it holds.</summary>
public abstract class JudgingRound
{
    public abstract Task<IReadOnlyList<Func<int, Task<bool>>>> Prepare(int judges, int teams);

    /// <summary>Judgments the target counts once the run is over; null where it keeps none (the reference hubs).</summary>
    public abstract Task<int?> Counted();
}

/// <summary>The reference hubs: a sheet is one change on the round's one stream.</summary>
public sealed class HubRound(Uri address) : JudgingRound
{
    private readonly HttpClient _http = HubBallot.Voters(address);

    public override Task<IReadOnlyList<Func<int, Task<bool>>>> Prepare(int judges, int teams)
    {
        var stream = $"judging:{Guid.NewGuid():N}";
        IReadOnlyList<Func<int, Task<bool>>> scorers = Enumerable.Range(0, judges).Select(j => (Func<int, Task<bool>>)(async team =>
        {
            using var response = await _http.PostAsJsonAsync($"/streams/{stream}/changes", new { judge = j, team, marks = Marks(j, team), at = DateTimeOffset.UtcNow });
            return response.IsSuccessStatusCode;
        })).ToList();
        return Task.FromResult(scorers);
    }

    public override Task<int?> Counted() => Task.FromResult<int?>(null);

    /// <summary>Judge j's marks for a team on the default rubric: varied, deterministic.</summary>
    public static Dictionary<string, int> Marks(int judge, int team) =>
        Rubric.Default.Criteria.Select((c, i) => (c.Id, Mark: 1 + (judge * 7 + team * 3 + i * 5) % 10)).ToDictionary(x => x.Id, x => x.Mark);
}

/// <summary>
/// The product: a camp with 30 teams in the Pitches phase, judging set up with the default rubric, judges
/// joined by a judge invite; each sheet is <c>POST /api/camps/{id}/judging/scores</c> with the judge's cookie.
/// </summary>
public sealed class ProductRound(Uri address) : JudgingRound
{
    private readonly HttpClient _http = HubBallot.Voters(address);
    private readonly ApiClient _organizer = new(address);
    private Guid _campId;

    public override async Task<IReadOnlyList<Func<int, Task<bool>>>> Prepare(int judges, int teams)
    {
        await _organizer.SignInOrganizer();
        var camp = await _organizer.CreateCamp("Benchmark judging");
        _campId = camp.CampId;
        for (var i = 0; i < teams; i++)
            camp = await _organizer.Read<CampSnapshot>(await _organizer.Post($"/api/camps/{_campId}/teams", new AddTeam($"Team {i + 1}", "Environment", Key())));
        while (camp.Phase != CampPhase.Pitches) camp = await _organizer.ChangePhase(_campId, camp.Phase, camp.Phase + 1);
        var setup = await _organizer.Get<JudgingSetup>($"/api/camps/{_campId}/judging/setup");
        (await _organizer.Http.PutAsJsonAsync($"/api/camps/{_campId}/judging/setup",
            new ConfigureJudging(setup.Rubric, [], setup.PitchOrder, [1, 3], 0, setup.Version, Key()), ApiClient.Json)).EnsureSuccessStatusCode();
        var teamIds = camp.Teams.Select(t => t.TeamId).ToList();
        var token = (await _organizer.Invite(_campId, CampRole.Judge, maxUses: judges)).Token!;
        var cookies = await Task.WhenAll(Enumerable.Range(0, judges).Select(async j =>
            await Redemption.Redeem(_http, token, $"Judge {j + 1}") ?? throw new InvalidOperationException("A judge's redemption set no sign-in cookie.")));
        return cookies.Select((cookie, j) => (Func<int, Task<bool>>)(async team =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/camps/{_campId}/judging/scores")
            {
                Content = JsonContent.Create(new ScoreTeam(teamIds[team], HubRound.Marks(j, team), null, 0, Key()), options: ApiClient.Json),
            };
            request.Headers.Add("Cookie", cookie);
            using var response = await _http.SendAsync(request);
            return response.IsSuccessStatusCode;
        })).ToList();
    }

    public override async Task<int?> Counted() =>
        (await _organizer.Get<Leaderboard>($"/api/camps/{_campId}/judging/leaderboard")).Lines.Sum(l => l.Judgments);

    private static string Key() => Guid.NewGuid().ToString("N");
}
