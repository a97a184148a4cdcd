using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using SocialInnovation.Camps;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Live;

/// <summary>
/// Collects the events published on this silo for a few milliseconds and sends them as one batch to
/// every web node. One activation per silo, so a camp's events leave in the order they were made
/// while its grain stays on one silo; clients drop duplicates and resync on gaps by sequence number.
/// </summary>
[StatelessWorker(1)]
public sealed class LiveNotifierGrain(ILogger<LiveNotifierGrain> log) : Grain, ILiveNotifierGrain
{
    /// <summary>Long enough to batch a burst, short enough that nobody notices.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(15);

    /// <summary>
    /// How long a flush waits for the list of web nodes before using the list it last had: if the list's
    /// grain is being moved after a silo failed, events still go out, to the nodes known before.
    /// </summary>
    public static readonly TimeSpan NodesPatience = TimeSpan.FromSeconds(2);

    private readonly List<CampEvent> _pending = [];
    private IGrainTimer? _flush;
    private ILiveObserver[] _nodes = [];

    public Task Publish(CampEvent campEvent)
    {
        _pending.Add(campEvent);
        _flush ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(BatchWindow, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    // Not the timer's token: disposing this one-shot timer below cancels it.
    private async Task Flush(CancellationToken timerToken)
    {
        _flush?.Dispose();
        _flush = null;
        var batch = _pending.ToArray();
        _pending.Clear();

        // Asked at every flush, so a node that just registered gets the very next event.
        try
        {
            _nodes = await GrainFactory.GetGrain<ILiveNodeListGrain>(0).GetObservers().WaitAsync(NodesPatience);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Could not get the list of web nodes; sending to the {Count} known before", _nodes.Length);
        }
        foreach (var node in _nodes)
        {
            // One-way calls: a slow or dead node costs this loop nothing.
            _ = node.OnCampEvents(batch);
        }
    }
}
