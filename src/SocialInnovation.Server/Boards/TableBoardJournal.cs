using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SocialInnovation.Grains.Boards;
using SocialInnovation.Grains.Common;
using SocialInnovation.Server.Hosting;

namespace SocialInnovation.Server.Boards;

/// <summary>
/// A board's journal as rows of one Azure table: partition = the board, row = the entry's sequence
/// number (19 digits, so rows sort in order), the entry as JSON. A group commit's entries go in one
/// transaction (all or none), as adds, so a second writer of the same number fails instead of
/// overwriting.
/// </summary>
public sealed class TableBoardJournal(TableClient table, ILogger<TableBoardJournal> logger) : IBoardJournal
{
    private readonly TableOnFirstUse _creation = new(table);

    public async Task Append(GrainId board, IReadOnlyList<BoardJournalEntry> entries)
    {
        if (entries.Count == 0) return;
        var rows = entries.Select(e => Row(board, e)).ToList();
        await Created();
        if (rows.Count == 1) await table.AddEntityAsync(rows[0]);
        else await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
    }

    public async Task<IReadOnlyList<BoardJournalEntry>> Read(GrainId board, long after)
    {
        await Created();
        var entries = new List<BoardJournalEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(board)} and RowKey gt {RowKey(after)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter)) entries.Add(Entry(row));
        return entries.OrderBy(e => e.Seq).ToList();
    }

    public async Task Drop(GrainId board, long upTo)
    {
        try
        {
            await Created();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(board)} and RowKey le {RowKey(upTo)}");
            var keys = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"])) keys.Add(row);
            foreach (var chunk in keys.Chunk(100))
                await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete,
                    new TableEntity(Partition(board), r.RowKey), ETag.All)));
        }
        catch (Exception ex)
        {
            // Harmless: an activation skips entries the stored board covers, and the next compaction retries.
            logger.LogWarning(ex, "Could not drop the journal entries of {Board} up to {Seq}", board, upTo);
        }
    }

    private Task Created() => _creation.Created();

    private static string Partition(GrainId board) => board.Key.ToString()!;

    private static string RowKey(long seq) => seq.ToString("D19");

    private static TableEntity Row(GrainId board, BoardJournalEntry entry)
    {
        var json = JsonSerializer.Serialize(entry, JsonStateSerializer.Options);
        var row = new TableEntity(Partition(board), RowKey(entry.Seq));
        // A card with long comments is split across several properties.
        TableText.Put(row, "E", json, "A journal entry");
        return row;
    }

    private static BoardJournalEntry Entry(TableEntity row)
    {
        return JsonSerializer.Deserialize<BoardJournalEntry>(TableText.Get(row, "E"), JsonStateSerializer.Options)!;
    }
}
