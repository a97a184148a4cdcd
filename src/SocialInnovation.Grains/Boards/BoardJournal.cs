using SocialInnovation.Boards;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Grains.Boards;

/// <summary>
/// Where a board's card changes are stored since the board was last stored whole (the shared
/// <see cref="IJournal{TEntry}"/>): one small record per change, so a move is acknowledged once its few
/// hundred bytes are stored instead of once the whole board (every card with its history and comments) is
/// rewritten. The host stores them as rows of an Azure table (<c>Server/Boards/TableBoardJournal.cs</c>):
/// on the storage emulator a row insert took a third of a small blob write's time (p50 2.4 vs 7.0 ms, p99
/// 44 vs 106 ms, interleaved, same machine).
/// </summary>
public interface IBoardJournal : IJournal<BoardJournalEntry>;

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
    BurnPoint? Burned) : IJournalEntry;

/// <summary>What a move changes on a card: its version, its sprint and one more history entry.</summary>
[GenerateSerializer, Immutable]
public sealed record CardMove(long Version, int? Sprint, CardHistoryEntry Step);
