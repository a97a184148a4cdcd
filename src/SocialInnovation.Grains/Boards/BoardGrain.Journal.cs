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
/// its journal entry, a few hundred bytes. One write function serves the group commit, so each write
/// holds every change made before it started; the whole board's write every <see cref="CompactAfter"/>
/// entries runs beside it, never in its way, and two whole writes never run at once.
/// </remarks>
public sealed partial class BoardGrain
{
    /// <summary>Entries stored in the journal before the board is stored whole (in the background).</summary>
    public const int CompactAfter = 16;

    /// <summary>
    /// Entries after which the board is stored whole on the write path after all: a board changed so
    /// often that no write ever ends with nothing unwritten (see <see cref="Store"/>) still compacts.
    /// </summary>
    public const int CompactLatest = 4 * CompactAfter;

    /// <summary>Card changes made since the last write started: the next write stores them.</summary>
    private readonly List<BoardJournalEntry> _unwritten = [];

    /// <summary>Entries stored in the journal since the board's last whole write started.</summary>
    private int _journaled;

    /// <summary>A change that is not a card's was made: the next write stores the whole board.</summary>
    private bool _wholeDue;

    /// <summary>The board's whole write under way in the background, or null.</summary>
    private Task? _compacting;

    /// <summary>
    /// The group commit's write: the new entries, or the whole board when a change that is not a card's
    /// is due. Once the journal holds <see cref="CompactAfter"/> entries, the whole board is written in the
    /// background: nobody's answer waits for it, and the next journal write does not either.
    /// </summary>
    /// <remarks>
    /// Why: the whole board used to be written instead of the 17th entry, so every 17th move waited for a
    /// blob write (slower than a row, and with a longer tail) and set the acknowledgement's p99. The
    /// background write starts only when everything in memory is in the journal (no change arrived during
    /// the append), so the stored board never holds a change whose own write might still fail, and a crash
    /// at any point leaves the board plus the newer entries, which the next activation replays.
    /// </remarks>
    private async Task Store()
    {
        if (_wholeDue || _journaled + _unwritten.Count > CompactLatest)
        {
            _wholeDue = false;
            _unwritten.Clear();
            await Compacted(); // one whole write at a time: each is conditional on the one before
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
        if (_journaled >= CompactAfter && _unwritten.Count == 0 && Compacted().IsCompleted) _compacting = Compact();
    }

    /// <summary>
    /// Stores the whole board (serialized as the write starts, so later changes wait for the next one) and
    /// drops the journal entries it covers. A failure costs nothing acknowledged: the journal still holds
    /// every entry, so the activation is ended and the next one reloads and replays.
    /// </summary>
    private async Task Compact()
    {
        var upTo = Board.Log.Seq;
        _journaled = 0;
        try
        {
            await state.WriteStateAsync();
            _ = journal.Drop(this.GetGrainId(), upTo);
        }
        catch (Exception)
        {
            // The stored ETag may no longer be ours (a write that failed late, or another activation):
            // a fresh activation reads it again instead of failing every later whole write.
            DeactivateOnIdle();
        }
        finally
        {
            _compacting = null;
        }
    }

    /// <summary>Completes once the background whole write, if any, is over (it never throws).</summary>
    private Task Compacted() => _compacting ?? Task.CompletedTask;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Not needed for safety (the journal holds every entry); the next activation just replays fewer.
        await Compacted();
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
