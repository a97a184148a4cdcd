using System.Collections.Concurrent;
using System.Text.Json;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Grains.Tests;

/// <summary>
/// A grain's journal in memory, as JSON the way the host's table keeps it. A grain's injected write
/// failure (<see cref="TestGrainStorage.FailNextWrite"/>) fails its next append too, storing nothing;
/// adding a sequence number already there fails, as a table's add does; an append takes as long as the
/// owner's writes (<see cref="TestGrainStorage.SlowWrites"/>) but is never held. It counts appends.
/// </summary>
public class MemoryJournal<TEntry>(TestGrainStorage storage) : IJournal<TEntry> where TEntry : IJournalEntry
{
    private readonly ConcurrentDictionary<GrainId, SortedDictionary<long, string>> _owners = new();
    private readonly ConcurrentDictionary<GrainId, int> _appends = new();

    /// <summary>What the journal holds for the owner now, in order.</summary>
    public IReadOnlyList<TEntry> Entries(GrainId owner)
    {
        var rows = _owners.GetOrAdd(owner, _ => []);
        lock (rows) return rows.Values.Select(Read).ToList();
    }

    /// <summary>How many appends (rows, or transactions of rows, in the host) the owner's journal took.</summary>
    public int Appends(GrainId owner) => _appends.GetValueOrDefault(owner);

    public async Task Append(GrainId owner, IReadOnlyList<TEntry> entries)
    {
        var json = entries.Select(e => (e.Seq, Json: JsonSerializer.Serialize(e, JsonStateSerializer.Options))).ToList();
        await storage.AppendLatency(owner);
        if (storage.TakeFailure(owner)) throw new IOException("Injected storage failure.");
        var rows = _owners.GetOrAdd(owner, _ => []);
        lock (rows)
        {
            if (json.FirstOrDefault(e => rows.ContainsKey(e.Seq)) is { Json: not null } taken)
                throw new InvalidOperationException($"Journal entry {taken.Seq} already exists.");
            foreach (var (seq, text) in json) rows[seq] = text;
        }
        _appends.AddOrUpdate(owner, 1, (_, n) => n + 1);
    }

    public Task<IReadOnlyList<TEntry>> Read(GrainId owner, long after) =>
        Task.FromResult<IReadOnlyList<TEntry>>(Entries(owner).Where(e => e.Seq > after).ToList());

    public Task Drop(GrainId owner, long upTo)
    {
        var rows = _owners.GetOrAdd(owner, _ => []);
        lock (rows) foreach (var seq in rows.Keys.Where(s => s <= upTo).ToList()) rows.Remove(seq);
        return Task.CompletedTask;
    }

    private static TEntry Read(string json) => JsonSerializer.Deserialize<TEntry>(json, JsonStateSerializer.Options)!;
}
