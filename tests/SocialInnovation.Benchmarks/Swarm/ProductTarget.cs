using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using SocialInnovation.Camps;
using SocialInnovation.Invites;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>
/// The platform through its real HTTP API and hub: each stream is a camp (`camp:&lt;id&gt;`), a change
/// is the organizer moving it between Draft and Applications, each watcher is a participant who
/// joined by invite.
/// </summary>
public sealed class ProductTarget(Uri address) : Target("product", address)
{
    private readonly ApiClient _organizer = new(address);
    // People joining: one shared client without a cookie jar; each person's cookie is read from the answer.
    private readonly HttpClient _anonymous = new(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 256 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    private bool _signedIn;

    public override async Task<(IReadOnlyList<PreparedStream>, double?)> Prepare(int streams, int watchersPerStream)
    {
        await SignIn();
        var camps = new (Guid Id, string[] Tokens)[streams];
        await Parallel.ForEachAsync(Enumerable.Range(0, streams), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var camp = await _organizer.CreateCamp($"Benchmark camp {i}");
            camps[i] = (camp.CampId, await Invites(camp.CampId, watchersPerStream + 1));
        });
        var started = Stopwatch.GetTimestamp();
        var cookies = new string?[streams, watchersPerStream + 1];
        await Parallel.ForEachAsync(Enumerable.Range(0, streams * (watchersPerStream + 1)), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (n, _) => cookies[n / (watchersPerStream + 1), n % (watchersPerStream + 1)] = (await Redeem(camps[n / (watchersPerStream + 1)].Tokens[n % (watchersPerStream + 1) / InviteUses], $"Watcher {n}")).Cookie);
        var joinsPerSecond = streams * (watchersPerStream + 1) / Stopwatch.GetElapsedTime(started).TotalSeconds;
        IReadOnlyList<PreparedStream> prepared = camps.Select((c, i) => new PreparedStream(
            $"camp:{c.Id:N}", Enumerable.Range(0, watchersPerStream).Select(w => cookies[i, w]).ToList(), cookies[i, watchersPerStream])
        { State = CampPhase.Draft }).ToList();
        return (prepared, joinsPerSecond);
    }

    public override async Task<long> Change(PreparedStream stream)
    {
        var from = (CampPhase)stream.State!;
        var to = from == CampPhase.Draft ? CampPhase.Applications : CampPhase.Draft;
        var campId = Guid.ParseExact(stream.Name.Split(':')[1], "N");
        var response = await _organizer.Post($"/api/camps/{campId}/phase", new ChangePhase(from, to, Guid.NewGuid().ToString("N")));
        var snapshot = await _organizer.Read<JsonElement>(response);
        stream.State = to;
        return snapshot.GetProperty("seq").GetInt64();
    }

    public override async Task<JoinResult?> Join(int people, int concurrency)
    {
        await SignIn();
        var camp = await _organizer.CreateCamp("Benchmark join camp");
        var tokens = await Invites(camp.CampId, people);
        var latencies = new double[people];
        var failed = 0;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, people), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (n, _) =>
        {
            var (ok, _, ms) = await Redeem(tokens[n / InviteUses], $"Person {n}");
            latencies[n] = ms;
            if (!ok) Interlocked.Increment(ref failed);
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new JoinResult(people, failed, (people - failed) / seconds, latencies);
    }

    // An invite admits at most 1,000 people.
    private const int InviteUses = 1000;

    private async Task<string[]> Invites(Guid campId, int people)
    {
        var tokens = new List<string>();
        for (var left = people; left > 0; left -= InviteUses)
            tokens.Add((await _organizer.Invite(campId, CampRole.Participant, maxUses: Math.Min(left, InviteUses))).Token!);
        return [.. tokens];
    }

    private async Task SignIn()
    {
        if (_signedIn) return;
        await _organizer.SignInOrganizer();
        _signedIn = true;
    }

    private async Task<(bool Ok, string? Cookie, double Ms)> Redeem(string token, string name)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await _anonymous.PostAsJsonAsync("/api/invites/redeem", new RedeemInvite(token, name, Guid.NewGuid().ToString("N")), ApiClient.Json);
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode) return (false, null, ms);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? string.Join("; ", values.Select(v => v.Split(';')[0]))
            : null;
        return (true, cookie, ms);
    }
}
