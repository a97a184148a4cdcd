namespace SocialInnovation.Benchmarks.Swarm;

public enum Disruption { None, SlowConsumers, Flooder }

/// <summary>One fan-out load: streams × watchers, each stream changed <see cref="Rate"/> times a second for <see cref="Duration"/>.</summary>
public sealed record Shape(string Name, int Streams, int Watchers, double Rate, TimeSpan Duration, Disruption Disruption = Disruption.None)
{
    /// <summary>Which target a scenario of its own runs against in place of the given one (e.g. the product's boards instead of its camps).</summary>
    public Func<Target, Target>? On { get; init; }

    /// <summary>
    /// A coalescing stream: pushes carry the latest state, not one event per change, so a change's delivery
    /// is the first push whose state includes it (<see cref="Watcher.StateVersion"/>), and the target's
    /// <see cref="Target.Change"/> answers that state's version instead of a position.
    /// </summary>
    public bool Coalescing { get; init; }

    public int ChangesPerStream => Math.Max(2, (int)Math.Round(Rate * Duration.TotalSeconds));
}

/// <summary>What one target did under one shape.</summary>
public sealed record Outcome(
    string Target,
    Shape Shape,
    IReadOnlyList<double> Delivery,
    IReadOnlyList<double> Acks,
    long Expected,
    long Delivered,
    long Lost,
    long Duplicates,
    long Gaps,
    long Resyncs,
    int FailedChanges,
    double? JoinsPerSecond,
    string? Note)
{
    /// <summary>
    /// Milliseconds of CPU per change (every change made, the warm-up ones included) from the first change
    /// until everything was delivered, by process: the target's own, the storage emulator, the swarm.
    /// </summary>
    public IReadOnlyDictionary<string, double>? CpuMsPerChange { get; init; }
}
