namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>
/// The scenarios of issue 19, each run against every target in turn. <c>scale</c> multiplies the
/// number of watchers (and people joining) and <c>seconds</c> sets how long changes are made, so the
/// same code runs as the benchmark and, tiny, as a correctness test.
/// </summary>
public static class Scenarios
{
    public static readonly string[] Names = ["spread", "rooms", "crowd", "join", "slow", "flood", BoardScenario.Name];

    public static IReadOnlyList<Shape> Shapes(string name, double scale, double seconds)
    {
        int N(int n) => Math.Max(1, (int)Math.Round(n * scale));
        var d = TimeSpan.FromSeconds(seconds);
        return name switch
        {
            "spread" => [Fan(N(100), 20, 1, d)],
            "rooms" => [Fan(10, N(50), 2, d)],
            "crowd" => [CrowdScenario.Shape(N(2000), d)],
            "slow" => [Fan(10, N(20), 2, d, Disruption.SlowConsumers, "alone"), Fan(10, N(20), 2, d, Disruption.SlowConsumers)],
            "flood" => [Fan(10, N(20), 2, d, Disruption.Flooder, "alone"), Fan(10, N(20), 2, d, Disruption.Flooder)],
            BoardScenario.Name => BoardScenario.Shapes(N, d),
            _ => throw new ArgumentException($"Unknown scenario '{name}'. Known: {string.Join(", ", Names)}."),
        };
    }

    /// <param name="alone">Names the undisturbed twin of a disrupted shape.</param>
    private static Shape Fan(int streams, int watchers, double rate, TimeSpan d, Disruption disruption = Disruption.None, string? alone = null)
    {
        var name = $"{streams} × {watchers} at {rate}/s";
        if (alone is not null) return new Shape($"{name}, alone", streams, watchers, rate, d);
        return disruption switch
        {
            Disruption.SlowConsumers => new Shape($"{name}, + a slow consumer per stream", streams, watchers, rate, d, disruption),
            Disruption.Flooder => new Shape($"{name}, + a connection flooding Watch", streams, watchers, rate, d, disruption),
            _ => new Shape(name, streams, watchers, rate, d),
        };
    }
}
