using System.Net.Http.Json;
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
        // Four cards, so that no card's history reaches the BoardGrain.KeptHistory it is trimmed to (this test compares histories).
        foreach (var title in new[] { "Interview five teachers", "Paper prototype", "Survey parents", "Pitch draft" })
            cards.Add((await organizer.Read<BoardAck>(await organizer.Post($"{path}/cards", new CreateCard(Guid.NewGuid(), title, null, "todo", 3, null, null, Key())))).Card!);

        // Fewer changes than the journal holds before the board is stored whole: they are only in the journal.
        var lanes = new[] { "doing", "review", "todo", "done" };
        var acked = new List<BoardAck>();
        for (var i = 0; acked.Count + cards.Count < BoardGrain.CompactAfter - 2; i++)
        {
            var card = cards[i % cards.Count];
            var ack = await organizer.Read<BoardAck>(await organizer.Post($"{path}/cards/move", new MoveCard(card.CardId, card.Version, lanes[i % lanes.Length], 0, Key())));
            cards[i % cards.Count] = ack.Card!;
            acked.Add(ack);
        }
        var before = await organizer.Get<BoardView>(path);
        Assert.Equal(acked.Count + cards.Count, await JournalRows(world));

        // One more move, and the process dies under it: answered or not, nobody can tell in advance.
        var last = cards[0];
        var unanswered = new MoveCard(last.CardId, last.Version, "review", 1, Key());
        var sending = organizer.Post($"{path}/cards/move", unanswered);
        await first.Kill();
        var answered = await ServerProcess.Answered(sending);

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

    /// <summary>The rows of the process's board journal (one board here).</summary>
    private static Task<int> JournalRows(string world) => ServerProcess.TableRows(world, "boardjournal");
}
