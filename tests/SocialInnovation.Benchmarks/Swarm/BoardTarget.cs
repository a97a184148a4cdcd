using System.Net.Http.Json;
using SocialInnovation.Boards;
using SocialInnovation.Camps;
using SocialInnovation.Invites;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>
/// Issue 16's board scenario: every stream is a team's board (`board:&lt;camp&gt;:&lt;team&gt;`), a change is
/// one card moved between To do and In progress (acknowledged once stored), and the watchers are the
/// camp's participants looking at it (the organizer lets everyone view the boards). The bare and naive
/// hubs run the same shapes with their own streams, so the ratios compare like with like.
/// </summary>
public static class BoardScenario
{
    public const string Name = "boards";

    public static IReadOnlyList<Shape> Shapes(Func<int, int> scaled, TimeSpan d) =>
    [
        new($"{scaled(100)} boards × 20 watchers, one mover at 1 move/s", scaled(100), 20, 1, d) { On = OnBoards },
        new($"10 boards × {scaled(50)} watchers at 2 moves/s", 10, scaled(50), 2, d) { On = OnBoards },
    ];

    /// <summary>The product's boards in place of its camps; the reference hubs as they are.</summary>
    private static Target OnBoards(Target target) => target is ProductTarget ? new BoardTarget(target.Address) : target;
}

/// <summary>The platform's boards through the real HTTP API and hub.</summary>
public sealed class BoardTarget(Uri address) : Target("product", address)
{
    private readonly ApiClient _organizer = new(address);
    private readonly HttpClient _anonymous = new(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 256 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    private Guid _campId;

    private sealed class Card(Guid teamId, Guid cardId, long version)
    {
        public Guid TeamId => teamId;
        public Guid CardId => cardId;
        public long Version { get; set; } = version;
        public bool Doing { get; set; }
    }

    public override async Task<(IReadOnlyList<PreparedStream>, double?)> Prepare(int streams, int watchersPerStream)
    {
        await _organizer.SignInOrganizer();
        _campId = (await _organizer.CreateCamp("Benchmark boards")).CampId;
        (await _organizer.Http.PutAsJsonAsync($"/api/camps/{_campId}/boards/plan", new ConfigureBoards(false, true, null, Key()), ApiClient.Json)).EnsureSuccessStatusCode();
        CampSnapshot camp = null!;
        for (var i = 0; i < streams; i++)
            camp = await _organizer.Read<CampSnapshot>(await _organizer.Post($"/api/camps/{_campId}/teams", new AddTeam($"Team {i + 1}", "Environment", Key())));
        var cards = await Task.WhenAll(camp.Teams.Select(async t =>
        {
            var ack = await _organizer.Read<BoardAck>(await _organizer.Post($"/api/camps/{_campId}/teams/{t.TeamId}/board/cards",
                new CreateCard(Guid.NewGuid(), "Interview five teachers", "Who decides what a school buys, and when.", "todo", 3, ["research"], null, Key())));
            return new Card(t.TeamId, ack.Card!.CardId, ack.Card.Version);
        }));

        var people = streams * watchersPerStream;
        var tokens = new List<string>();
        for (var left = people; left > 0; left -= 1000)
            tokens.Add((await _organizer.Invite(_campId, CampRole.Participant, maxUses: Math.Min(left, 1000))).Token!);
        var cookies = new string?[people];
        await Parallel.ForEachAsync(Enumerable.Range(0, people), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (n, _) => cookies[n] = await Redemption.Redeem(_anonymous, tokens[n / 1000], $"Watcher {n}"));
        IReadOnlyList<PreparedStream> prepared = cards.Select((c, i) => new PreparedStream(
            BoardStreams.For(_campId, c.TeamId).ToString(), cookies.Skip(i * watchersPerStream).Take(watchersPerStream).ToList(), null) { State = c }).ToList();
        return (prepared, null);
    }

    public override async Task<long> Change(PreparedStream stream)
    {
        var card = (Card)stream.State!;
        var response = await _organizer.Post($"/api/camps/{_campId}/teams/{card.TeamId}/board/cards/move",
            new MoveCard(card.CardId, card.Version, card.Doing ? "todo" : "doing", 0, Key()));
        var ack = await _organizer.Read<BoardAck>(response);
        card.Version = ack.Card!.Version;
        card.Doing = !card.Doing;
        return ack.Seq;
    }

    private static string Key() => Guid.NewGuid().ToString("N");
}
