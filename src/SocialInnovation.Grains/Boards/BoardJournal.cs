using SocialInnovation.Boards;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Grains.Boards;

/// <summary>
/// A board's card changes since its state was last stored whole, stored beside it (its own blob). A
/// card change is acknowledged once its entry is stored here, so a move waits for a write of a few
/// small entries instead of the whole board (every card with its history and comments). Every
/// <see cref="BoardGrain.CompactAfter"/> entries, and for every change that is not a card's, the
/// board is stored whole and the entries it covers are dropped.
/// </summary>
/// <remarks>
/// The two blobs are never written at once (one group commit stores either), and an entry is dropped
/// only after the whole board holding it is stored: an activation reads both and replays the entries
/// newer than the board (<see cref="BoardJournalEntry.Seq"/> &gt; the board's), so a crash between any
/// two writes restores every acknowledged change, in order.
/// </remarks>
[GenerateSerializer]
public sealed class BoardJournalState
{
    [Id(0)] public List<BoardJournalEntry> Entries { get; set; } = [];
}

/// <summary>
/// One card change as it was applied: replaying it on the board as it was before gives the board as it
/// was after. A move carries only what a move changes (<see cref="Move"/>); a created, edited or
/// commented card carries the whole card.
/// </summary>
/// <param name="Seq">The board stream's sequence number of the change's event.</param>
/// <param name="Epoch">The epoch of the activation that made it (a later activation's must be larger).</param>
/// <param name="Lane">Where the card is after the change, and at which <paramref name="Index"/>.</param>
/// <param name="Applied">The command's idempotency key, so a retry after a restart is still answered, not applied twice.</param>
/// <param name="Burned">The burndown point the change added to the running sprint, if any.</param>
[GenerateSerializer, Immutable]
public sealed record BoardJournalEntry(
    long Seq,
    long Epoch,
    Guid CardId,
    string Lane,
    int Index,
    BoardCard? Card,
    CardMove? Move,
    AppliedCommand Applied,
    BurnPoint? Burned);

/// <summary>What a move changes on a card: its version, its sprint and one more history entry.</summary>
[GenerateSerializer, Immutable]
public sealed record CardMove(long Version, int? Sprint, CardHistoryEntry Step);
