using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Server.Hosting;

/// <summary>
/// A grain's journal (<see cref="IJournal{TEntry}"/>) as rows of one Azure table: partition = the owning
/// grain, rows only ever added (a second writer of the same row fails instead of overwriting), the JSON
/// split across a row's properties (<see cref="TableText"/>). Used by the boards and the audience polls,
/// each with a table of its own.
/// </summary>
/// <remarks>
/// Two layouts. <see cref="TableJournalRows.OnePerEntry"/>: row = the entry's sequence number (19 digits,
/// so rows sort in order), an append's entries in one transaction (all or none; at most 100). 
/// <see cref="TableJournalRows.OnePerAppend"/>: one row holds a whole append (keyed by its first entry's
/// number, with the last one in <c>Last</c>), so a group commit of hundreds of votes in a burst is one
/// insert, all or none, cheaper than a transaction of as many rows (and not limited to 100).
/// </remarks>
public class TableJournal<TEntry>(TableClient table, TableJournalRows layout, ILogger logger) : IJournal<TEntry>
    where TEntry : IJournalEntry
{
    /// <summary>
    /// Entries of one row in <see cref="TableJournalRows.OnePerAppend"/>: a row holds at most ~480,000
    /// characters (<see cref="TableText"/>), and a vote with 50 picks is ~700. A larger append is several
    /// rows in one transaction, still all or none.
    /// </summary>
    public const int EntriesPerRow = 500;

    private readonly TableOnFirstUse _creation = new(table);

    public async Task Append(GrainId owner, IReadOnlyList<TEntry> entries)
    {
        if (entries.Count == 0) return;
        // Serialized before the first await, so the rows are the entries as they were when the write started.
        var rows = layout == TableJournalRows.OnePerAppend
            ? entries.Chunk(EntriesPerRow).Select(chunk => Packed(owner, chunk)).ToList()
            : entries.Select(e => Row(owner, e)).ToList();
        await _creation.Created();
        if (rows.Count == 1) await table.AddEntityAsync(rows[0]);
        else await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
    }

    public async Task<IReadOnlyList<TEntry>> Read(GrainId owner, long after)
    {
        await _creation.Created();
        var entries = new List<TEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(Newer(owner, after)))
        {
            var json = TableText.Get(row, "E");
            if (layout == TableJournalRows.OnePerAppend) entries.AddRange(JsonSerializer.Deserialize<List<TEntry>>(json, JsonStateSerializer.Options)!);
            else entries.Add(JsonSerializer.Deserialize<TEntry>(json, JsonStateSerializer.Options)!);
        }
        // A row of a whole append may begin at or before `after` (the state was stored whole in between).
        return entries.Where(e => e.Seq > after).OrderBy(e => e.Seq).ToList();
    }

    public async Task Drop(GrainId owner, long upTo)
    {
        try
        {
            await _creation.Created();
            var keys = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(Covered(owner, upTo), select: ["RowKey"])) keys.Add(row);
            foreach (var chunk in keys.Chunk(100))
                await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete,
                    new TableEntity(Partition(owner), r.RowKey), ETag.All)));
        }
        catch (Exception ex)
        {
            // Harmless: an activation skips entries the stored state covers, and the next compaction retries.
            logger.LogWarning(ex, "Could not drop the journal entries of {Owner} up to {Seq}", owner, upTo);
        }
    }

    private string Newer(GrainId owner, long after) => layout == TableJournalRows.OnePerAppend
        ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition(owner)} and Last gt {after}")
        : TableClient.CreateQueryFilter($"PartitionKey eq {Partition(owner)} and RowKey gt {RowKey(after)}");

    private string Covered(GrainId owner, long upTo) => layout == TableJournalRows.OnePerAppend
        ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition(owner)} and Last le {upTo}")
        : TableClient.CreateQueryFilter($"PartitionKey eq {Partition(owner)} and RowKey le {RowKey(upTo)}");

    private static string Partition(GrainId owner) => owner.Key.ToString()!;

    private static string RowKey(long seq) => seq.ToString("D19");

    private static TableEntity Row(GrainId owner, TEntry entry)
    {
        var row = new TableEntity(Partition(owner), RowKey(entry.Seq));
        // An entry with long text (a card's comments) is split across several properties.
        TableText.Put(row, "E", JsonSerializer.Serialize(entry, JsonStateSerializer.Options), "A journal entry");
        return row;
    }

    private static TableEntity Packed(GrainId owner, IReadOnlyList<TEntry> entries)
    {
        var row = new TableEntity(Partition(owner), RowKey(entries[0].Seq)) { ["Last"] = entries[^1].Seq };
        TableText.Put(row, "E", JsonSerializer.Serialize(entries, JsonStateSerializer.Options), "A journal append");
        return row;
    }
}

/// <summary>How a <see cref="TableJournal{TEntry}"/> lays its entries out in rows.</summary>
public enum TableJournalRows
{
    /// <summary>A row per entry, an append's rows in one transaction (at most 100 entries an append).</summary>
    OnePerEntry,

    /// <summary>A row per append holding all its entries (a row per <see cref="TableJournal{TEntry}.EntriesPerRow"/> in one transaction beyond that).</summary>
    OnePerAppend,
}
