using System.Collections.Concurrent;
using Orleans.Storage;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Grains.Tests;

/// <summary>
/// Grain storage in memory, in the host's JSON format, that tests can make misbehave: fail a grain's
/// next write, or lose its last acknowledged write (as a storage crash could). It also counts writes.
/// ETags are checked as Azure Blob storage checks them. A grain's states are stored apart (one blob each in the host).
/// </summary>
public sealed class TestGrainStorage : IGrainStorage
{
    private readonly JsonStateSerializer _json = new();
    private readonly ConcurrentDictionary<(GrainId, string), List<(BinaryData Data, string ETag)>> _versions = new();
    private readonly ConcurrentDictionary<GrainId, string> _lastWritten = new();
    private readonly ConcurrentDictionary<GrainId, int> _failNext = new();
    private readonly ConcurrentDictionary<GrainId, int> _writes = new();
    private readonly ConcurrentDictionary<GrainId, int> _reads = new();
    private readonly ConcurrentDictionary<GrainId, TimeSpan> _slow = new();
    private readonly ConcurrentDictionary<GrainId, TaskCompletionSource> _held = new();

    public int Writes(GrainId grain) => _writes.GetValueOrDefault(grain);

    public int Reads(GrainId grain) => _reads.GetValueOrDefault(grain);

    /// <summary>Each write of the grain takes this long, as a remote storage's round trip does.</summary>
    public void SlowWrites(GrainId grain, TimeSpan duration) => _slow[grain] = duration;

    /// <summary>A journal's append for the grain waits as its writes do (<see cref="SlowWrites"/>), but is never held.</summary>
    public async Task AppendLatency(GrainId grain)
    {
        if (_slow.TryGetValue(grain, out var slow)) await Task.Delay(slow);
        else await Task.Yield();
    }

    /// <summary>
    /// The grain's writes are not answered until the returned action is called, as a storage request that
    /// hangs: a test shows what waits for a write and what does not, without measuring time.
    /// </summary>
    public Action HoldWrites(GrainId grain)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held[grain] = gate;
        return () =>
        {
            _held.TryRemove(grain, out _);
            gate.TrySetResult();
        };
    }

    /// <summary>The grain's next write throws without storing anything.</summary>
    public void FailNextWrite(GrainId grain) => _failNext.AddOrUpdate(grain, 1, (_, n) => n + 1);

    /// <summary>True when the grain's next write was to fail (<see cref="FailNextWrite"/>); that write is then failing.</summary>
    public bool TakeFailure(GrainId grain) =>
        _failNext.TryGetValue(grain, out var fail) && fail > 0 && _failNext.TryUpdate(grain, fail - 1, fail);

    /// <summary>Storage forgets the grain's last write, as if it had crashed before making it durable.</summary>
    public void LoseLastWrite(GrainId grain)
    {
        var versions = _versions[(grain, _lastWritten[grain])];
        lock (versions) versions.RemoveAt(versions.Count - 1);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _reads.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        if (Latest(grainId, stateName) is { } latest)
        {
            grainState.State = _json.Deserialize<T>(latest.Data);
            grainState.ETag = latest.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Serialized at once, as the Azure Blob provider does, then stored after a real wait.
        var data = _json.Serialize(grainState.State);
        if (_slow.TryGetValue(grainId, out var slow)) await Task.Delay(slow);
        else await Task.Yield();
        if (_held.TryGetValue(grainId, out var gate)) await gate.Task;
        _writes.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        if (TakeFailure(grainId)) throw new IOException("Injected storage failure.");
        var versions = _versions.GetOrAdd((grainId, stateName), _ => []);
        lock (versions)
        {
            var current = versions.Count > 0 ? versions[^1].ETag : null;
            if (current != grainState.ETag)
                throw new InconsistentStateException($"ETag mismatch: stored {current}, written from {grainState.ETag}.", current ?? "", grainState.ETag ?? "");
            var etag = Guid.NewGuid().ToString("N");
            versions.Add((data, etag));
            grainState.ETag = etag;
            grainState.RecordExists = true;
            _lastWritten[grainId] = stateName;
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _versions.TryRemove((grainId, stateName), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private (BinaryData Data, string ETag)? Latest(GrainId grain, string stateName)
    {
        if (!_versions.TryGetValue((grain, stateName), out var versions)) return null;
        lock (versions) return versions.Count > 0 ? versions[^1] : null;
    }
}
