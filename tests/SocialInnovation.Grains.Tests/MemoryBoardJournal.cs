using System.Collections.Concurrent;
using System.Text.Json;
using SocialInnovation.Grains.Boards;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Grains.Tests;

/// <summary>
/// The boards' journal in memory, as JSON the way the host's table keeps it. A grain's injected write
/// failure (<see cref="TestGrainStorage.FailNextWrite"/>) fails its next append too, storing nothing;
/// adding a sequence number already there fails, as a table's add does.
/// </summary>
public sealed class MemoryBoardJournal(TestGrainStorage storage) : IBoardJournal
{
    private readonly ConcurrentDictionary<GrainId, SortedDictionary<long, string>> _boards = new();

    /// <summary>What the journal holds for the board now, in order.</summary>
    public IReadOnlyList<BoardJournalEntry> Entries(GrainId board)
    {
        var rows = _boards.GetOrAdd(board, _ => []);
        lock (rows) return rows.Values.Select(Read).ToList();
    }

    public async Task Append(GrainId board, IReadOnlyList<BoardJournalEntry> entries)
    {
        var json = entries.Select(e => (e.Seq, Json: JsonSerializer.Serialize(e, JsonStateSerializer.Options))).ToList();
        await Task.Yield();
        if (storage.TakeFailure(board)) throw new IOException("Injected storage failure.");
        var rows = _boards.GetOrAdd(board, _ => []);
        lock (rows)
        {
            if (json.FirstOrDefault(e => rows.ContainsKey(e.Seq)) is { Json: not null } taken)
                throw new InvalidOperationException($"Journal entry {taken.Seq} already exists.");
            foreach (var (seq, text) in json) rows[seq] = text;
        }
    }

    public Task<IReadOnlyList<BoardJournalEntry>> Read(GrainId board, long after) =>
        Task.FromResult<IReadOnlyList<BoardJournalEntry>>(Entries(board).Where(e => e.Seq > after).ToList());

    public Task Drop(GrainId board, long upTo)
    {
        var rows = _boards.GetOrAdd(board, _ => []);
        lock (rows) foreach (var seq in rows.Keys.Where(s => s <= upTo).ToList()) rows.Remove(seq);
        return Task.CompletedTask;
    }

    private static BoardJournalEntry Read(string json) => JsonSerializer.Deserialize<BoardJournalEntry>(json, JsonStateSerializer.Options)!;
}
