using SocialInnovation.Boards;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Grains.Boards;

/// <summary>
/// How a board is stored: card changes as entries of its journal (<see cref="IBoardJournal"/>),
/// everything else, and every <see cref="CompactAfter"/> entries, as the whole board.
/// </summary>
/// <remarks>
/// Why: a move used to wait for a write of the whole board, every card with its history and comments,
/// because group commit has nothing to batch when one person moves one card a second. Now it waits for
/// its journal entry, a few hundred bytes. One write function serves the group commit, so the journal
/// and the board are never written at once and each write holds every change made before it started.
/// </remarks>
public sealed partial class BoardGrain
{
    /// <summary>Entries kept in the journal before the board is stored whole (by the next write).</summary>
    public const int CompactAfter = 16;

    /// <summary>Card changes made since the last write started: the next write stores them.</summary>
    private readonly List<BoardJournalEntry> _unwritten = [];

    /// <summary>Entries stored in the journal since the board was last stored whole.</summary>
    private int _journaled;

    /// <summary>A change that is not a card's was made: the next write stores the whole board.</summary>
    private bool _wholeDue;

    /// <summary>The group commit's write: the new entries, or the whole board when it is due.</summary>
    private async Task Store()
    {
        if (_wholeDue || _journaled + _unwritten.Count > CompactAfter)
        {
            _wholeDue = false;
            _unwritten.Clear();
            var upTo = Board.Log.Seq;
            await state.WriteStateAsync();
            _journaled = 0;
            // Off the path of any answer: an activation skips entries the board covers anyway.
            _ = journal.Drop(this.GetGrainId(), upTo);
            return;
        }
        var entries = _unwritten.ToArray();
        _unwritten.Clear();
        await journal.Append(this.GetGrainId(), entries);
        _journaled += entries.Length;
    }

    /// <summary>A card change, to be stored as a journal entry by the next write.</summary>
    private void Journaled(Guid cardId, string lane, int index, BoardCard? card, CardMove? move, BurnPoint? burned) =>
        _unwritten.Add(new BoardJournalEntry(Board.Log.Seq, Board.Log.Epoch, cardId, lane, index, card, move,
            Board.Log.Applied.Recent[^1], burned));

    /// <summary>A change other than a card's: the next write stores the whole board.</summary>
    private void StoreWhole() => _wholeDue = true;

    /// <summary>
    /// At activation, before the stream is numbered: the journal's entries newer than the stored board,
    /// applied in order as they were first, so the board, its sequence number, its epoch and its
    /// idempotency keys are as they were after the last acknowledged change.
    /// </summary>
    private async Task ReplayJournal()
    {
        var entries = await journal.Read(this.GetGrainId(), Board.Log.Seq);
        foreach (var entry in entries)
        {
            var card = entry.Card ?? Moved(Board.Cards[entry.CardId], entry.Move!);
            Board.Cards[card.CardId] = card;
            Place(card.CardId, entry.Lane, entry.Index);
            if (entry.Burned is { } point && Board.Plan.ActiveSprint is { } number) AddBurnPoint(SprintOf(number), point);
            Board.Log.Seq = entry.Seq;
            Board.Log.Epoch = entry.Epoch;
            Board.Log.Applied.Remember(entry.Applied.Key, entry.Applied.Fingerprint, entry.Applied.Seq, entry.Applied.ResultId);
        }
        _journaled = entries.Count;
    }

    /// <summary>The card after a move: the one rule for the move itself and for its replay.</summary>
    private static BoardCard Moved(BoardCard card, CardMove move) => card with
    {
        Version = move.Version,
        Sprint = move.Sprint,
        History = card.History.Append(move.Step).TakeLast(KeptHistory).ToList(),
    };
}
