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
/// its journal entry, a few hundred bytes. The mechanics (one write function for the group commit, the
/// whole board written in the background every <see cref="CompactAfter"/> entries, never in an answer's
/// way, and only once everything in memory is in the journal) are the shared <see cref="JournaledWrites{TEntry}"/>,
/// which the audience poll's votes use too.
/// </remarks>
public sealed partial class BoardGrain
{
    /// <summary>Entries stored in the journal before the board is stored whole (in the background).</summary>
    /// <remarks>
    /// 64, not 16: each compaction writes the whole board, then reads and deletes the entries it covers (a
    /// query and a transaction), and in the boards benchmark those were a third of the product's allocations
    /// and a share of the emulator's work that every other move's insert queued behind. One run each of
    /// 50 boards × 20 watchers, 60 s: product CPU per move 4.2 → 3.7 ms, the emulator's 2.2 → 1.8 ms, the
    /// server's GC pauses in the minute 212 → 74 ms. An activation now replays up to 64 rows (one query page)
    /// instead of 16.
    /// </remarks>
    public const int CompactAfter = 64;

    /// <summary>
    /// Entries after which the board is stored whole on the write path after all: a board changed so
    /// often that no write ever ends with nothing unwritten still compacts.
    /// </summary>
    public const int CompactLatest = JournaledWrites<BoardJournalEntry>.LatestFactor * CompactAfter;

    private JournaledWrites<BoardJournalEntry>? _writes;

    private JournaledWrites<BoardJournalEntry> Writes => _writes ??= new JournaledWrites<BoardJournalEntry>(journal, this.GetGrainId(),
        () => state.WriteStateAsync(), () => Board.Log.Seq, DeactivateOnIdle, () => CompactAfter);

    /// <summary>The group commit's write: the new entries, or the whole board when a change that is not a card's is due.</summary>
    private Task Store() => Writes.Write();

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Not needed for safety (the journal holds every entry); the next activation just replays fewer.
        await Writes.Compacted();
    }

    /// <summary>A card change, to be stored as a journal entry by the next write.</summary>
    private void Journaled(Guid cardId, string lane, int index, BoardCard? card, CardMove? move, BurnPoint? burned) =>
        Writes.Add(new BoardJournalEntry(Board.Log.Seq, Board.Log.Epoch, cardId, lane, index, card, move,
            Board.Log.Applied.Recent[^1], burned));

    /// <summary>A change other than a card's: the next write stores the whole board.</summary>
    private void StoreWhole() => Writes.WholeDue();

    /// <summary>
    /// At activation, before the stream is numbered: the journal's entries newer than the stored board,
    /// applied in order as they were first, so the board, its sequence number, its epoch and its
    /// idempotency keys are as they were after the last acknowledged change.
    /// </summary>
    private Task ReplayJournal() => Writes.Replay(Board.Log.Seq, entry =>
    {
        var card = entry.Card ?? Moved(Board.Cards[entry.CardId], entry.Move!);
        Board.Cards[card.CardId] = card;
        Place(card.CardId, entry.Lane, entry.Index);
        if (entry.Burned is { } point && Board.Plan.ActiveSprint is { } number) AddBurnPoint(SprintOf(number), point);
        Board.Log.Seq = entry.Seq;
        Board.Log.Epoch = entry.Epoch;
        Board.Log.Applied.Remember(entry.Applied.Key, entry.Applied.Fingerprint, entry.Applied.Seq, entry.Applied.ResultId);
    });

    /// <summary>The card after a move: the one rule for the move itself and for its replay.</summary>
    private static BoardCard Moved(BoardCard card, CardMove move) => card with
    {
        Version = move.Version,
        Sprint = move.Sprint,
        History = card.History.Append(move.Step).TakeLast(KeptHistory).ToList(),
    };
}
