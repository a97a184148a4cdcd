using SocialInnovation.Live;

namespace SocialInnovation.Grains.Live;

/// <summary>
/// The web node that runs in this silo's own process, if there is one. A stream's events for the browsers
/// connected here are handed to it directly, in the publishing grain's turn; only other nodes get them
/// through the <see cref="LiveNotifierGrain"/>.
/// </summary>
/// <remarks>
/// Why: measured inside the server on the boards benchmark (50 boards × 20 watchers, a temporary probe), the
/// one-way call to the notifier took 0.55 ms at the p50 and 1.1–1.4 ms at the p99 before the notifier ran,
/// and its call to the node another 0.07 / 0.25 ms: each is a queued work item that waits while the
/// publishing thread goes on to prepare the change's write. Handing over here costs the grain the
/// sends' start (~0.14 ms at the p50) and never waits for a browser (<see cref="Push"/> must not).
/// </remarks>
public interface ILocalLiveNode
{
    /// <summary>The node's id in the node list, so the notifier does not send it the same events again.</summary>
    string NodeId { get; }

    /// <summary>Starts the sends of <paramref name="batch"/> to the connections here that watch its streams; never waits for them and never throws.</summary>
    void Push(StreamEnvelope[] batch);
}
