namespace SocialInnovation.Server.Live;

/// <summary>
/// What one browser connection may ask of the hub, so that one bad client cannot hurt the others.
/// Settings under <c>Live:</c> (see the README's configuration table).
/// </summary>
public sealed class LiveLimits
{
    /// <summary>Hub calls a connection may make per second, on average.</summary>
    public double CallsPerSecond { get; init; } = 20;

    /// <summary>Hub calls a connection may make at once after being quiet (a page opening several views).</summary>
    public int CallBurst { get; init; } = 40;

    /// <summary>Refused calls after which a connection is closed: sustained abuse, not a burst.</summary>
    public int RefusalsBeforeDisconnect { get; init; } = 200;

    /// <summary>Streams one connection may watch at a time.</summary>
    public int StreamsPerConnection { get; init; } = 64;

    /// <summary>Hub connections one person may hold on one web node (tabs and devices).</summary>
    public int ConnectionsPerPerson { get; init; } = 20;

    /// <summary>
    /// Batches that may wait behind a connection's unfinished send; beyond that it is dropped from live
    /// sends and told to resync (a slow consumer), so memory stays bounded and nobody else waits.
    /// </summary>
    public int SendQueue { get; init; } = 100;

    /// <summary>
    /// The grains' side of live streams: how often a coalescing stream pushes (<c>Live:CoalesceMilliseconds</c>)
    /// and how often web nodes register for stream events (<c>Live:RegisterEverySeconds</c>).
    /// </summary>
    public static Grains.Live.LiveTiming Timing(IConfiguration configuration) => new(TimeSpan.FromMilliseconds(
        configuration.GetValue("Live:CoalesceMilliseconds", Grains.Live.LiveTiming.Default.CoalesceEvery.TotalMilliseconds)))
    {
        RegisterEvery = TimeSpan.FromSeconds(configuration.GetValue("Live:RegisterEverySeconds", Grains.Live.LiveTiming.Default.RegisterEvery.TotalSeconds)),
    };

    public static LiveLimits From(IConfiguration configuration)
    {
        var defaults = new LiveLimits();
        return new LiveLimits
        {
            CallsPerSecond = configuration.GetValue("Live:CallsPerSecond", defaults.CallsPerSecond),
            CallBurst = configuration.GetValue("Live:CallBurst", defaults.CallBurst),
            RefusalsBeforeDisconnect = configuration.GetValue("Live:RefusalsBeforeDisconnect", defaults.RefusalsBeforeDisconnect),
            StreamsPerConnection = configuration.GetValue("Live:StreamsPerConnection", defaults.StreamsPerConnection),
            ConnectionsPerPerson = configuration.GetValue("Live:ConnectionsPerPerson", defaults.ConnectionsPerPerson),
            SendQueue = configuration.GetValue("Live:SendQueue", defaults.SendQueue),
        };
    }
}
