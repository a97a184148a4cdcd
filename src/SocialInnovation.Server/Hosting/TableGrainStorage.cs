using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Orleans.Storage;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Server.Hosting;

/// <summary>
/// Small, hot grain states as rows of one Azure table (<see cref="StorageNames.Rows"/>): one row per grain
/// and state, its JSON in <see cref="TableText"/> parts. On Azure Storage (and the emulator) a conditional
/// update of a row costs a fraction of a conditional blob write of the same bytes, and a stored-first
/// stream (the camp's) waits for one such write before every delivery and every acknowledgement.
/// Concurrency is the blob provider's: a state without an ETag is created only if no row exists, one with
/// an ETag is replaced only if the row still has it; otherwise <see cref="InconsistentStateException"/>.
/// A state stored before it moved here is read from <paramref name="legacy"/> (the blob storage) and
/// moves to the table with its next write. A state too large for a row is refused, never cut.
/// </summary>
public sealed class TableGrainStorage(TableClient table, IGrainStorage legacy) : IGrainStorage
{
    private readonly JsonStateSerializer _json = new();
    private readonly TableOnFirstUse _creation = new(table);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _creation.Created();
        var (partition, row) = Keys(stateName, grainId);
        await TableText.ReadStateOrBlob(table, partition, row, _json, legacy, stateName, grainId, grainState);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Serialized before the first await: a reentrant grain may change its state while this write
        // is in flight, and those changes belong to its next write.
        var (partition, row) = Keys(stateName, grainId);
        var json = _json.Serialize(grainState.State).ToString();
        if (json.Length > TableText.MaxLength)
            throw new InvalidOperationException(
                $"The {stateName} state of {grainId} is {json.Length:N0} characters of JSON; a table row holds at most " +
                $"{TableText.MaxLength:N0}. Nothing was stored. States that can grow this large belong in blob storage ({StorageNames.State}).");
        var entity = new TableEntity(partition, row);
        TableText.Put(entity, "S", json, $"The {stateName} state of {grainId}");
        await _creation.Created();
        try
        {
            var answer = grainState.ETag is { } etag
                ? await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace)
                : await table.AddEntityAsync(entity);
            grainState.ETag = answer.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The table's answer carried no ETag.");
            grainState.RecordExists = true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            throw new InconsistentStateException($"The stored {stateName} state of {grainId} changed meanwhile.", "", grainState.ETag ?? "", ex);
        }
    }

    /// <summary>
    /// Deletes the row (if the grain read it: under its ETag) and any blob stored before the move, the
    /// blob first, so that a read after a clear can never find the old blob again.
    /// </summary>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _creation.Created();
        var (partition, row) = Keys(stateName, grainId);
        if (grainState.ETag is null && (await table.GetEntityIfExistsAsync<TableEntity>(partition, row, ["PartitionKey"])).HasValue)
            throw new InconsistentStateException($"The {stateName} state of {grainId} was stored meanwhile.", "", "");
        var old = new GrainState<T>();
        await legacy.ReadStateAsync(stateName, grainId, old);
        if (old.ETag is not null) await legacy.ClearStateAsync(stateName, grainId, old);
        if (grainState.ETag is { } etag)
        {
            try
            {
                await table.DeleteEntityAsync(partition, row, new ETag(etag));
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                throw new InconsistentStateException($"The stored {stateName} state of {grainId} changed meanwhile.", "", etag, ex);
            }
        }
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>
    /// The row is the state name and the grain id (escaped: a row key may not hold '/', '\', '#', '?');
    /// the partition is four hex digits of a hash of both, so grains spread over 65,536 partitions.
    /// </summary>
    public static (string Partition, string Row) Keys(string stateName, GrainId grainId)
    {
        var row = $"{stateName}_{Uri.EscapeDataString(grainId.ToString())}";
        var partition = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(row)), 0, 2);
        return (partition, row);
    }
}
