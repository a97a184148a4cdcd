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

    /// <summary>The most recent events, so a returning watcher can catch up without a snapshot.</summary>
    [Id(2)] public List<StreamEnvelope> Recent { get; set; } = [];

    [Id(3)] public IdempotencyLog Applied { get; set; } = new();
}

/// <param name="Keep">Events kept for catching up; a watcher further behind gets a snapshot.</param>
/// <param name="VisibleBeforeStored">
/// Publish each event at once, before the write that stores it (boards, canvases, presence, tallies).
/// Callers are still acknowledged only after the write; if it fails, the activation is dropped and
/// watchers are told to resync, so nobody keeps an event that was never stored. False (the default)
/// publishes only stored events: phase changes, results, awards.
/// </param>
public sealed record StreamLogOptions(int Keep = 200, bool VisibleBeforeStored = false);
