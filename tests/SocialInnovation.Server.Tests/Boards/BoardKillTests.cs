using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using SocialInnovation.Boards;
using SocialInnovation.Camps;
using SocialInnovation.Grains.Boards;
using SocialInnovation.Teams;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Boards;

/// <summary>
/// The server as its own process, killed with SIGKILL (no deactivation, no goodbye) while a board's moves
/// exist only in its journal: the next process must show every acknowledged move, in order, and a move
/// that was never answered is either absent or there once, and its retry applies it exactly once.
/// </summary>
public sealed class BoardKillTests
{
    private static string Key() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Moves_stored_only_in_the_journal_survive_a_kill_9_in_order_and_an_unanswered_move_applies_once_on_retry()
    {
        var world = PlatformHost.NewWorld();
        await using var first = await ServerProcess.Start(world);
        var organizer = new ApiClient(first.Address);
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp("Kill -9");
        var teamId = (await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam("Clean Air", "Environment", Key())))).Teams.Single().TeamId;
        var path = $"/api/camps/{camp.CampId}/teams/{teamId}/board";
        var cards = new List<BoardCard>();
        foreach (var title in new[] { "Interview five teachers", "Paper prototype" })
            cards.Add((await organizer.Read<BoardAck>(await organizer.Post($"{path}/cards", new CreateCard(Guid.NewGuid(), title, null, "todo", 3, null, null, Key())))).Card!);

        // Fewer changes than the journal holds before the board is stored whole: they are only in the journal.
        var lanes = new[] { "doing", "review", "todo", "done" };
        var acked = new List<BoardAck>();
        for (var i = 0; acked.Count + cards.Count < BoardGrain.CompactAfter - 2; i++)
        {
            var card = cards[i % 2];
            var ack = await organizer.Read<BoardAck>(await organizer.Post($"{path}/cards/move", new MoveCard(card.CardId, card.Version, lanes[i % lanes.Length], 0, Key())));
            cards[i % 2] = ack.Card!;
            acked.Add(ack);
        }
        var before = await organizer.Get<BoardView>(path);
        Assert.Equal(acked.Count + cards.Count, await JournalRows(world));

        // One more move, and the process dies under it: answered or not, nobody can tell in advance.
        var last = cards[0];
        var unanswered = new MoveCard(last.CardId, last.Version, "review", 1, Key());
        var sending = organizer.Post($"{path}/cards/move", unanswered);
        await first.Kill();
        var answered = await Answered(sending);

        await using var second = await ServerProcess.Start(world);
        organizer = new ApiClient(second.Address);
        await organizer.SignInOrganizer();
        var after = await organizer.Get<BoardView>(path);

        Assert.True(after.Epoch > before.Epoch, "the board was not activated anew");
        var applied = after.Seq - before.Seq;
        Assert.InRange(applied, answered ? 1 : 0, 1); // an answered move is there; an unanswered one at most once
        foreach (var card in before.Cards)
        {
            var restored = after.Cards.Single(c => c.CardId == card.CardId);
            var extra = applied == 1 && card.CardId == last.CardId ? 1 : 0;
            Assert.Equal(card.Version + extra, restored.Version);
            Assert.Equal(card.History, restored.History.Take(card.History.Count)); // every acknowledged move, in order, as it was
            Assert.Equal(card.History.Count + extra, restored.History.Count);
        }
        if (applied == 0) Assert.Equal(before.Columns.Select(c => c.CardIds), after.Columns.Select(c => c.CardIds));

        // The retry (same key, same version) is answered as the first application, or applied now: once either way.
        var retried = await organizer.Read<BoardAck>(await organizer.Post($"{path}/cards/move", unanswered));
        var final = await organizer.Get<BoardView>(path);
        Assert.Equal(before.Seq + 1, retried.Seq);
        Assert.Equal(before.Seq + 1, final.Seq);
        var moved = final.Cards.Single(c => c.CardId == last.CardId);
        Assert.Equal(last.Version + 1, moved.Version);
        Assert.Equal(before.Cards.Single(c => c.CardId == last.CardId).History.Count + 1, moved.History.Count);
        Assert.Contains(last.CardId, final.Columns.Single(c => c.ColumnId == "review").CardIds);
    }

    private static async Task<bool> Answered(Task<HttpResponseMessage> sending)
    {
        try
        {
            return (await sending).StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The rows of the process's board journal (one board here).</summary>
    private static async Task<int> JournalRows(string world)
    {
        var table = new TableClient(TestStorage.ConnectionString, "boardjournal" + new string(Container(world).Where(char.IsAsciiLetterOrDigit).ToArray()));
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"])) rows++;
        return rows;
    }

    private static string Container(string world) => $"state-{world}";

    /// <summary>The platform as `deploy/run.sh` starts it, in its own process, on the tests' storage.</summary>
    private sealed class ServerProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private ServerProcess(Process process, Uri address) => (_process, Address) = (process, address);

        public Uri Address { get; }

        public static async Task<ServerProcess> Start(string world)
        {
            var ports = FreePorts.Take(3);
            var address = new Uri($"http://127.0.0.1:{ports[0]}");
            var settings = new Dictionary<string, string?>(PlatformHost.GenerousLimits)
            {
                ["Storage:ConnectionString"] = TestStorage.ConnectionString,
                ["Storage:StateContainer"] = Container(world),
                ["Cluster:SiloPort"] = ports[1].ToString(),
                ["Cluster:GatewayPort"] = ports[2].ToString(),
                ["Platform:OrganizerKey"] = PlatformHost.OrganizerKey,
                ["Mail:Host"] = "127.0.0.1",
                ["Mail:Port"] = Maildev.Shared.SmtpPort.ToString(),
                ["Mail:Security"] = "None",
                ["Demo:Seed"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            var arguments = new List<string>
            {
                Path.Combine(AppContext.BaseDirectory, "SocialInnovation.Server.dll"),
                "--contentRoot", Path.Combine(Repo.Root, "src", "SocialInnovation.Server"),
                "--urls", address.ToString().TrimEnd('/'),
            };
            arguments.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
            // Tied to this test process, so a runner that dies leaves no server behind.
            var process = ChildProcess.StartTied("dotnet", string.Join(' ', arguments.Select(a => $"'{a.Replace("'", "'\\''")}'")));
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new ServerProcess(process, address);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            for (var i = 0; i < 480; i++)
            {
                if (process.HasExited) break;
                try
                {
                    if ((await http.GetAsync(new Uri(address, "/health"))).IsSuccessStatusCode) return server;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
                await Task.Delay(250);
            }
            await server.Kill();
            throw new InvalidOperationException("The server process did not become healthy.");
        }

        /// <summary>SIGKILL: the process ends at once, nothing of it runs any more.</summary>
        public async Task Kill()
        {
            if (_process.HasExited) return;
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await Kill();
            _process.Dispose();
        }
    }
}
