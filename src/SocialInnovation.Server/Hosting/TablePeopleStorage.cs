using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Orleans.Storage;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Server.Hosting;

/// <summary>
/// People's grain state as rows of one Azure table (partition = the first four hex digits of the
/// person's id, row = state name and id, the state as JSON), so that the people an invite admits at
/// once are stored together: a new person's create-only write (no ETag) waits in its partition's
/// group commit and goes with the others in one transaction, instead of one storage request per
/// joining person. The ids a redemption makes up start with digits of the invite (see
/// <c>PersonIds.ForRedemption</c>), so one invite's people share a partition. Each waiter is
/// answered once the transaction holding its row is stored; a row that exists already (a retried
/// redemption) fails only its own write, with <see cref="InconsistentStateException"/>, as a blob's
/// create-only write does. Changes of an existing person are single conditional updates.
/// A person stored before the table existed is read from <paramref name="legacy"/> (the blob storage)
/// and moves to the table on its next write.
/// </summary>
public sealed class TablePeopleStorage(TableClient table, IGrainStorage legacy, ILogger<TablePeopleStorage> logger) : IGrainStorage
{
    // A field, not the parameter: the batching writer below reaches it through its owner.
    private readonly TableClient _table = table;
    private readonly ILogger _logger = logger;

    // An entity group transaction holds at most 100 operations.
    private const int MaxBatch = 100;

    private readonly JsonStateSerializer _json = new();
    private readonly ConcurrentDictionary<string, Partition> _partitions = new();
    private readonly TableOnFirstUse _creation = new(table);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await Created();
        var (partition, row) = Keys(stateName, grainId);
        await TableText.ReadStateOrBlob(_table, partition, row, _json, legacy, stateName, grainId, grainState);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (partition, row) = Keys(stateName, grainId);
        var entity = Row(partition, row, _json.Serialize(grainState.State).ToString());
        await Created();
        string etag;
        if (grainState.ETag is null)
        {
            etag = await _partitions.GetOrAdd(partition, p => new Partition(this, p)).Add(entity);
        }
        else
        {
            try
            {
                etag = (await _table.UpdateEntityAsync(entity, new ETag(grainState.ETag), TableUpdateMode.Replace)).Headers.ETag.ToString()!;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                throw new InconsistentStateException($"The stored {stateName} of {grainId} changed meanwhile.", "", grainState.ETag);
            }
        }
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (partition, row) = Keys(stateName, grainId);
        if (grainState.ETag is { } etag) await _table.DeleteEntityAsync(partition, row, new ETag(etag));
        await legacy.ClearStateAsync(stateName, grainId, grainState);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>The partition is the key's first four hex digits: an invite's people share them.</summary>
    public static (string Partition, string Row) Keys(string stateName, GrainId grainId)
    {
        var key = grainId.Key.ToString()!;
        return (key.Length >= 4 ? key[..4] : key, $"{stateName}_{key}");
    }

    private static TableEntity Row(string partition, string row, string json)
    {
        var entity = new TableEntity(partition, row);
        TableText.Put(entity, "S", json, "A state");
        return entity;
    }

    private static string Json(TableEntity entity) => TableText.Get(entity, "S");

    private Task Created() => _creation.Created();

    /// <summary>
    /// Group commit of one partition's new rows: rows that arrive while a transaction is in flight go
    /// together in the next one (at most <see cref="MaxBatch"/> each).
    /// </summary>
    private sealed class Partition(TablePeopleStorage owner, string key)
    {
        private readonly List<(TableEntity Row, TaskCompletionSource<string> Stored)> _pending = [];
        private bool _writing;

        public Task<string> Add(TableEntity row)
        {
            var stored = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_pending)
            {
                _pending.Add((row, stored));
                if (_writing) return stored.Task;
                _writing = true;
            }
            _ = Task.Run(WriteLoop); // not on the calling grain's scheduler: the loop serves every grain of the partition
            return stored.Task;
        }

        private async Task WriteLoop()
        {
            while (true)
            {
                List<(TableEntity Row, TaskCompletionSource<string> Stored)> batch;
                lock (_pending)
                {
                    if (_pending.Count == 0)
                    {
                        _writing = false;
                        return;
                    }
                    batch = _pending.Take(MaxBatch).ToList();
                    _pending.RemoveRange(0, batch.Count);
                }
                await Store(batch);
            }
        }

        /// <summary>Stores the rows, all in one transaction; a row that exists already is refused alone and the others are stored without it.</summary>
        private async Task Store(List<(TableEntity Row, TaskCompletionSource<string> Stored)> batch)
        {
            while (batch.Count > 0)
            {
                try
                {
                    if (batch.Count == 1)
                    {
                        var added = await owner._table.AddEntityAsync(batch[0].Row);
                        batch[0].Stored.TrySetResult(added.Headers.ETag.ToString()!);
                        return;
                    }
                    var answers = (await owner._table.SubmitTransactionAsync(
                        batch.Select(b => new TableTransactionAction(TableTransactionActionType.Add, b.Row)))).Value;
                    for (var i = 0; i < batch.Count; i++)
                        batch[i].Stored.TrySetResult(answers[i].Headers.ETag?.ToString() ?? throw new InvalidOperationException("The table's answer carried no ETag."));
                    return;
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex is { } taken && taken < batch.Count)
                {
                    Taken(batch[taken]);
                    batch.RemoveAt(taken);
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 409)
                {
                    // Which row exists was not said: each is stored on its own.
                    await Task.WhenAll(batch.Select(b => Store([b])));
                    return;
                }
                catch (RequestFailedException ex) when (ex.Status == 409 && batch.Count == 1)
                {
                    Taken(batch[0]);
                    return;
                }
                catch (Exception ex)
                {
                    owner._logger.LogWarning(ex, "Could not store {Count} new people in partition {Partition}", batch.Count, key);
                    foreach (var b in batch) b.Stored.TrySetException(ex);
                    return;
                }
            }
        }

        private static void Taken((TableEntity Row, TaskCompletionSource<string> Stored) b) =>
            b.Stored.TrySetException(new InconsistentStateException($"{b.Row.RowKey} is stored already.", "", ""));
    }
}
