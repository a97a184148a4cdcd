using SocialInnovation.Grains.Common;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Live;

/// <summary>
/// The stored part of a stream: kept inside the owning grain's state, so that a change, its event and
/// its idempotency key are stored in one write.
/// </summary>
[GenerateSerializer]
public sealed class StreamLogState
{
    /// <summary>The epoch of the activation that wrote last.</summary>
    [Id(0)] public long Epoch { get; set; }

    /// <summary>The sequence number of the last event; the next gets Seq + 1.</summary>
    [Id(1)] public long Seq { get; set; }

    /// <summary>
    /// The most recent events, so a returning watcher can catch up without a snapshot. Kept in memory
    /// only, never stored: every activation numbers its events in a new epoch, and a watcher's position of
    /// another epoch always gets a snapshot, so stored events could never be served. Storing them made
    /// each write of a busy stream carry up to <see cref="StreamLogOptions.Keep"/> whole events (a board's
    /// every move rewrote 200 cards' worth of JSON; a camp's every join, 200 member events).
    /// </summary>
    [Id(2), System.Text.Json.Serialization.JsonIgnore] public List<StreamEnvelope> Recent { get; set; } = [];

    [Id(3)] public IdempotencyLog Applied { get; set; } = new();
}

/// <param name="Keep">Events kept for catching up; a watcher further behind gets a snapshot.</param>
/// <param name="VisibleBeforeStored">
/// Publish each event at once, before the write that stores it (boards, canvases, presence, tallies).
/// Callers are still acknowledged only after the write; if it fails, the activation is dropped and
/// watchers are told to resync, so nobody keeps an event that was never stored. False (the default)
/// publishes only stored events: phase changes, results, awards.
/// </param>
/// <param name="CoalesceEvery">
/// Set for streams where only the latest state matters (tallies, counters, presence): the owner calls
/// <see cref="StreamLog.Changed{TState}"/> instead of appending events, and watchers get the whole latest
/// state at most once per this interval (see <see cref="LiveTiming"/>). Requires VisibleBeforeStored.
/// </param>
public sealed record StreamLogOptions(int Keep = 200, bool VisibleBeforeStored = false, TimeSpan? CoalesceEvery = null);

/// <summary>Timing of live streams, the same for every grain of a silo (settings <c>Live:*</c>).</summary>
/// <param name="CoalesceEvery">How often a coalescing stream pushes its latest state at most (250 ms: 4 a second).</param>
public sealed record LiveTiming(TimeSpan CoalesceEvery)
{
    public static readonly LiveTiming Default = new(TimeSpan.FromMilliseconds(250));

    /// <summary>
    /// A notifier refreshes its list of web nodes at most this long after a publish (500 ms); a test
    /// sets it long to hold a notifier in the state between a publish and its refresh.
    /// </summary>
    public TimeSpan RefreshNodesAfter { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often each web node registers with the node list (5 s; also at once whenever cluster membership
    /// changes). The list drops a node silent for <see cref="NodeExpiry"/>, and calls itself complete one
    /// round after it was activated anew.
    /// </summary>
    public TimeSpan RegisterEvery { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A web node that has not registered for this long (six rounds) is taken to be gone.</summary>
    public TimeSpan NodeExpiry => RegisterEvery * 6;
}
