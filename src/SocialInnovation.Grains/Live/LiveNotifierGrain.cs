using Orleans.Concurrency;
using SocialInnovation.Camps;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Live;

/// <summary>
/// Collects the events published on this silo for a few milliseconds and sends them as one batch to
/// every web node. One activation per silo, so the events of one camp (whose grain lives on one silo)
/// leave in the order they were made.
/// </summary>
[StatelessWorker(1)]
public sealed class LiveNotifierGrain : Grain, ILiveNotifierGrain
{
    /// <summary>Long enough to batch a burst, short enough that nobody notices.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(15);

    private readonly List<CampEvent> _pending = [];
    private IGrainTimer? _flush;

    public Task Publish(CampEvent campEvent)
    {
        _pending.Add(campEvent);
        _flush ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(BatchWindow, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    private async Task Flush(CancellationToken cancellation)
    {
        _flush?.Dispose();
        _flush = null;
        var batch = _pending.ToArray();
        _pending.Clear();

        var observers = await GrainFactory.GetGrain<ILiveNodeListGrain>(0).GetObservers();
        foreach (var node in observers)
        {
            // One-way calls: a slow or dead node costs this loop nothing.
            _ = node.OnCampEvents(batch);
        }
    }
}
