using Azure.Data.Tables;
using Orleans.Storage;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Server.Hosting;

/// <summary>
/// JSON kept in string properties of one table row (the board journal's entries, people's and other small states). A
/// property holds at most 32K characters (64 KiB of UTF-16), so a longer text is split across numbered
/// properties; a whole entity holds at most 1 MiB, so 16 parts of 30,000 characters is the most a row takes.
/// </summary>
internal static class TableText
{
    private const int PartLength = 30_000;
    private const int MaxParts = 16;

    /// <summary>The longest text one row holds (480,000 characters).</summary>
    public const int MaxLength = PartLength * MaxParts;

    /// <summary>Stores <paramref name="json"/> in <paramref name="prefix"/>0, <paramref name="prefix"/>1, …; refuses what no row can hold.</summary>
    public static void Put(TableEntity row, string prefix, string json, string what)
    {
        var parts = json.Chunk(PartLength).Select(c => new string(c)).ToList();
        if (parts.Count > MaxParts) throw new InvalidOperationException($"{what} of {json.Length} characters is too large for a table row.");
        for (var i = 0; i < parts.Count; i++) row[$"{prefix}{i}"] = parts[i];
    }

    public static string Get(TableEntity row, string prefix) =>
        string.Concat(Enumerable.Range(0, MaxParts).Select(i => row.GetString($"{prefix}{i}")).TakeWhile(p => p is not null));

    /// <summary>
    /// A grain state kept as JSON in one row (prefix "S"), or — for a state stored before it moved to the table —
    /// read from its blob; the blob's ETag means nothing to the table, so the next write creates the row.
    /// </summary>
    public static async Task ReadStateOrBlob<T>(
        TableClient table, string partition, string row, JsonStateSerializer json,
        IGrainStorage legacy, string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, row);
        if (found.HasValue && found.Value is { } entity)
        {
            grainState.State = json.Deserialize<T>(BinaryData.FromString(Get(entity, "S")));
            grainState.ETag = entity.ETag.ToString();
            grainState.RecordExists = true;
            return;
        }
        await legacy.ReadStateAsync(stateName, grainId, grainState);
        grainState.ETag = null;
    }
}

/// <summary>Creates a table on first use; a failed attempt (storage briefly away) is tried again by the next call.</summary>
internal sealed class TableOnFirstUse(TableClient table)
{
    private Task? _created;

    public Task Created()
    {
        var created = _created;
        if (created is null || created.IsFaulted || created.IsCanceled) _created = created = table.CreateIfNotExistsAsync();
        return created;
    }

}
