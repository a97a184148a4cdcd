using Azure.Data.Tables;
using SocialInnovation.Grains.Boards;
using SocialInnovation.Server.Hosting;

namespace SocialInnovation.Server.Boards;

/// <summary>
/// A board's journal as rows of one Azure table (the shared <see cref="TableJournal{TEntry}"/>): partition =
/// the board, row = the entry's sequence number, the entry as JSON; a group commit's entries go in one
/// transaction (all or none), as adds, so a second writer of the same number fails instead of overwriting.
/// </summary>
public sealed class TableBoardJournal(TableClient table, ILogger<TableBoardJournal> logger)
    : TableJournal<BoardJournalEntry>(table, TableJournalRows.OnePerEntry, logger), IBoardJournal;
