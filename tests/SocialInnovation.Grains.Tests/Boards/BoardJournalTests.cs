using Orleans.Core.Internal;
using SocialInnovation.Boards;
using SocialInnovation.Common;
using SocialInnovation.Grains.Boards;

namespace SocialInnovation.Grains.Tests.Boards;

/// <summary>
/// A card change is acknowledged once its journal entry is stored, not the whole board; the board is
/// stored whole every <see cref="BoardGrain.CompactAfter"/> entries. Whatever was acknowledged is there
/// after the board's activation ends, in order, and a change whose entry was not stored is not.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BoardJournalTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private static readonly BoardActor Aida = new(Guid.NewGuid(), "Aida");

    private IBoardGrain NewBoard() => Grains.Board(Guid.NewGuid(), Guid.NewGuid());

    private static async Task<BoardCard> Card(IBoardGrain board, string title) =>
        (await board.CreateCard(new CreateCard(Guid.NewGuid(), title, null, "todo", 3, null, null, NewKey()), Aida)).Ok().Card!;

    private static Task<Outcome<BoardAck>> Move(IBoardGrain board, BoardCard card, string lane, int index, string? key = null) =>
        board.MoveCard(new MoveCard(card.CardId, card.Version, lane, index, key ?? NewKey()), Aida);

    /// <summary>Ends the board's activation; the next call reads what storage holds.</summary>
    private static async Task<BoardView> Reactivated(IBoardGrain board)
    {
        var before = await board.GetView();
        await board.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var after = await board.GetView();
        Assert.True(after.Epoch > before.Epoch, "the board was not reactivated");
        return after;
    }

    private static (string Lane, long Version) Where(BoardView view, Guid cardId) =>
        (view.Columns.Single(c => c.CardIds.Contains(cardId)).ColumnId, view.Cards.Single(c => c.CardId == cardId).Version);

    [Fact]
    public async Task Moves_stored_only_in_the_journal_are_all_restored_in_order_when_the_board_is_reactivated()
    {
        var board = NewBoard();
        var a = await Card(board, "Interview five teachers");
        var b = await Card(board, "Paper prototype");
        var storedWhole = await Fixture.ReadStored<BoardState>(board, "board");
        var lastKey = NewKey();

        a = (await Move(board, a, "doing", 0)).Ok().Card!;
        b = (await Move(board, b, "doing", 0)).Ok().Card!; // version 2
        a = (await Move(board, a, "review", 0)).Ok().Card!;
        var last = (await Move(board, b, "doing", 1, lastKey)).Ok();
        var before = await board.GetView();
        var journal = Fixture.BoardJournal.Entries(board.GetGrainId());
        var after = await Reactivated(board);

        Assert.Equal(storedWhole.Log.Seq, (await Fixture.ReadStored<BoardState>(board, "board")).Log.Seq); // moves did not rewrite the board
        Assert.Equal(Enumerable.Range(1, (int)last.Seq).Select(i => (long)i), journal.Select(e => e.Seq)); // two cards, four moves
        Assert.Equal(before.Seq, after.Seq);
        Assert.Equal(before.Columns.Select(c => c.CardIds), after.Columns.Select(c => c.CardIds));
        Assert.Equal(("review", 3L), Where(after, a.CardId));
        Assert.Equal(("doing", 3L), Where(after, b.CardId));
        Assert.Equal(before.Cards.Single(c => c.CardId == b.CardId).History, after.Cards.Single(c => c.CardId == b.CardId).History);
        // The last move's key survived too: its retry is answered as before, not applied again.
        var retried = (await Move(board, b, "doing", 1, lastKey)).Ok();
        Assert.Equal(last.Seq, retried.Seq);
        Assert.Equal(3, (await board.GetCard(b.CardId))!.Version);
    }

    [Fact]
    public async Task After_more_than_the_journal_holds_the_board_is_stored_whole_and_nothing_is_lost()
    {
        var board = NewBoard();
        var card = await Card(board, "Pitch deck");
        var lanes = new[] { "doing", "review", "todo" };
        for (var i = 0; i < BoardGrain.CompactAfter + 5; i++)
            card = (await Move(board, card, lanes[i % lanes.Length], 0)).Ok().Card!;
        var before = await board.GetView();

        var after = await Reactivated(board); // a deactivation lets the whole write under way finish
        var whole = await Fixture.ReadStored<BoardState>(board, "board");

        Assert.True(whole.Log.Seq > 1, "the board was never stored whole");
        Assert.True(Fixture.BoardJournal.Entries(board.GetGrainId()).Count <= BoardGrain.CompactAfter);
        Assert.All(Fixture.BoardJournal.Entries(board.GetGrainId()), e => Assert.True(e.Seq > whole.Log.Seq)); // what the board covers is dropped
        Assert.Equal(before.Seq, after.Seq);
        Assert.Equal((lanes[(BoardGrain.CompactAfter + 4) % lanes.Length], card.Version), Where(after, card.CardId));
        Assert.Equal(before.Cards.Single().History, after.Cards.Single().History);
    }

    [Fact]
    public async Task Moves_are_acknowledged_while_the_board_is_being_stored_whole_none_waits_for_that_write()
    {
        var board = NewBoard();
        var card = await Card(board, "Survey the canteen");
        var storedWhole = await Fixture.ReadStored<BoardState>(board, "board");
        var lanes = new[] { "doing", "review", "todo" };
        var release = Fixture.Storage.HoldWrites(board.GetGrainId());
        try
        {
            // Past CompactAfter the board's whole write starts and hangs; were any answer waiting for it, this would not return.
            for (var i = 0; i < BoardGrain.CompactAfter + 5; i++)
                card = (await Move(board, card, lanes[i % lanes.Length], 0)).Ok().Card!;
            Assert.Equal(storedWhole.Log.Seq, (await Fixture.ReadStored<BoardState>(board, "board")).Log.Seq);
            Assert.Equal(BoardGrain.CompactAfter + 6, Fixture.BoardJournal.Entries(board.GetGrainId()).Count); // the card and every move
        }
        finally
        {
            release();
        }
        var before = await board.GetView();

        var after = await Reactivated(board);
        var whole = await Fixture.ReadStored<BoardState>(board, "board");

        Assert.True(whole.Log.Seq >= BoardGrain.CompactAfter, "the board was not stored whole once the journal held enough");
        Assert.All(Fixture.BoardJournal.Entries(board.GetGrainId()), e => Assert.True(e.Seq > whole.Log.Seq));
        Assert.Equal(before.Seq, after.Seq);
        Assert.Equal((lanes[(BoardGrain.CompactAfter + 4) % lanes.Length], card.Version), Where(after, card.CardId));
        Assert.Equal(before.Cards.Single().History, after.Cards.Single().History);
    }

    [Fact]
    public async Task A_move_whose_journal_entry_was_not_stored_is_refused_and_is_not_there_after_reactivation()
    {
        var board = NewBoard();
        var card = await Card(board, "Budget");
        var key = NewKey();

        Fixture.Storage.FailNextWrite(board.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => Move(board, card, "doing", 0, key));
        var view = await board.GetView();

        Assert.Equal(("todo", card.Version), Where(view, card.CardId));
        // Its key was never stored either: the retry is applied now, once.
        var retried = (await Move(board, card, "doing", 0, key)).Ok();
        Assert.Equal(("doing", card.Version + 1), Where(await Reactivated(board), card.CardId));
        Assert.Equal(retried.Card!.Version, card.Version + 1);
    }

    [Fact]
    public async Task A_comment_on_a_card_that_left_the_board_at_a_sprint_end_is_refused_and_the_card_stays_gone()
    {
        var board = NewBoard();
        var card = await Card(board, "Survey of fifty parents");
        await board.ApplyPlan(CampBoardPlan.Default with { ActiveSprint = 1, Version = 1 });
        card = (await Move(board, card, "done", 0)).Ok().Card!;
        await board.ApplyPlan(CampBoardPlan.Default with { ActiveSprint = null, Version = 2 }); // the sprint stops: done cards leave the board

        // A mentor's comment, written offline while the card was still in Done, arrives after the sprint stopped.
        var late = await board.CommentCard(new CommentCard(card.CardId, "Which district were they from?", NewKey()), Aida);

        late.Refused("card.unknown", ErrorKind.NotFound);
        var after = await Reactivated(board);
        Assert.DoesNotContain(card.CardId, after.Backlog);
        Assert.DoesNotContain(after.Columns, c => c.CardIds.Contains(card.CardId));
        Assert.DoesNotContain(after.Cards, c => c.CardId == card.CardId);
    }
}
