using System.Net.Http.Json;
using System.Text.Json;
using SocialInnovation.Audience;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>
/// Issue 19's crowd: one screen's worth of watchers (2,000 × scale) on a coalescing stream, an audience
/// poll's live tally, while votes come in at 5 a second. A coalescing stream pushes its latest state at most
/// every <c>Live:CoalesceMilliseconds</c> (250 ms), so a vote's <i>delivery</i> is: intended send of vote k →
/// the first push a watcher gets whose tally counts at least k voters (<see cref="Watcher.StateVersion"/>).
/// Positions are still checked push by push (lost, duplicated, reordered). The reference hubs push the same
/// way: the latest tally at most every 250 ms, the first change after a quiet interval at once
/// (Hubs/VoteCounter.cs), as the product's coalescer does.
/// </summary>
public static class CrowdScenario
{
    public static Shape Shape(int watchers, TimeSpan d) =>
        new($"1 poll × {watchers} watchers at 5 votes/s, coalesced tally", 1, watchers, 5, d) { On = OnTallies, Coalescing = true };

    private static Target OnTallies(Target target) => target switch
    {
        ProductTarget => new TallyTarget(target.Address),
        HubTarget => new HubTallyTarget(target.Name, target.Address),
        _ => target,
    };

    public const int Options = 5;

    /// <summary>The stream's state after a change: how many votes it counts.</summary>
    internal sealed class Votes(string path)
    {
        public string Path => path;
        public int Count { get; set; }
    }

    /// <summary>Posts one new voter's vote; answers the number of voters it makes (sequential per stream).</summary>
    internal static async Task<long> Vote(HttpClient http, PreparedStream stream, Func<int, object> body)
    {
        var votes = (Votes)stream.State!;
        var k = votes.Count + 1;
        using var response = await http.PostAsJsonAsync(votes.Path, body(k), ApiClient.Json);
        response.EnsureSuccessStatusCode();
        votes.Count = k;
        return k;
    }
}

/// <summary>The bare or naive hub's in-memory poll (Hubs/VoteCounter.cs), watched as <c>poll:&lt;id&gt;</c>.</summary>
public sealed class HubTallyTarget(string name, Uri address) : Target(name, address)
{
    private readonly HttpClient _http = HubBallot.Voters(address);

    public override Task<(IReadOnlyList<PreparedStream>, double?)> Prepare(int streams, int watchersPerStream)
    {
        IReadOnlyList<PreparedStream> prepared = Enumerable.Range(0, streams).Select(_ =>
        {
            var poll = Guid.NewGuid().ToString("N");
            return new PreparedStream($"poll:{poll}", new string?[watchersPerStream], null) { State = new CrowdScenario.Votes($"/polls/{poll}/votes") };
        }).ToList();
        return Task.FromResult((prepared, (double?)null));
    }

    public override Task<long> Change(PreparedStream stream) =>
        CrowdScenario.Vote(_http, stream, k => new { voter = $"v{k}", choice = $"o{k % CrowdScenario.Options + 1}" });
}

/// <summary>
/// The product: per stream a camp with five teams and an open people's-choice poll (no invite needed to
/// vote); the watchers are participants who joined by invite and watch <c>poll:&lt;camp&gt;:&lt;poll&gt;</c>,
/// as the camp's screens do; each vote is a new phone (device token) on <c>/api/audience/{code}/votes</c>,
/// answered once stored.
/// </summary>
public sealed class TallyTarget(Uri address) : Target("product", address)
{
    private readonly ApiClient _organizer = new(address);
    private readonly HttpClient _http = HubBallot.Voters(address);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public override async Task<(IReadOnlyList<PreparedStream>, double?)> Prepare(int streams, int watchersPerStream)
    {
        await _organizer.SignInOrganizer();
        var prepared = new List<PreparedStream>();
        for (var i = 0; i < streams; i++)
        {
            var camp = await _organizer.CreateCamp($"Benchmark crowd {i}");
            for (var t = 0; t < CrowdScenario.Options; t++)
                camp = await _organizer.Read<CampSnapshot>(await _organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam($"Team {t + 1}", "Environment", Key())));
            var opened = await _organizer.Read<AudiencePollView>(await _organizer.Post($"/api/camps/{camp.CampId}/audience/polls",
                new OpenAudiencePoll("People's choice", AudiencePollKind.PeoplesChoice, null, 1, HideUntilReveal: false, RequireInvite: false, Key())));
            var tokens = new List<string>();
            for (var left = watchersPerStream; left > 0; left -= 1000)
                tokens.Add((await _organizer.Invite(camp.CampId, CampRole.Participant, maxUses: Math.Min(left, 1000))).Token!);
            var cookies = new string?[watchersPerStream];
            await Parallel.ForEachAsync(Enumerable.Range(0, watchersPerStream), new ParallelOptions { MaxDegreeOfParallelism = 32 },
                async (n, _) => cookies[n] = await Redemption.Redeem(_http, tokens[n / 1000], $"Watcher {n}"));
            prepared.Add(new PreparedStream($"poll:{camp.CampId:N}:{opened.Tally.PollId:N}", cookies, null)
            { State = new CrowdScenario.Votes($"/api/audience/{opened.Audience!.Code}/votes") });
        }
        return (prepared, null);
    }

    public override Task<long> Change(PreparedStream stream) =>
        CrowdScenario.Vote(_http, stream, k => new CastAudienceVote($"crowd{_run}{stream.Name[^8..]}v{k:D6}", [$"o{k % CrowdScenario.Options + 1}"], Key()));

    private static string Key() => Guid.NewGuid().ToString("N");
}
