namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>Runs scenarios against the bare hub, the naive hub and the product, one target after another in the same run.</summary>
public static class Bench
{
    // SI_BENCH_SHAPES narrows a scenario to the shapes whose name contains it (e.g. "10 boards"), for a
    // closer look at one shape without the minutes the others take.
    private static readonly string? OnlyShapes = Environment.GetEnvironmentVariable("SI_BENCH_SHAPES") is { Length: > 0 } s ? s : null;

    private static bool Wanted(Shape shape) => OnlyShapes is null || shape.Name.Contains(OnlyShapes, StringComparison.OrdinalIgnoreCase);

    public static async Task Run(IReadOnlyList<Target> targets, IReadOnlyList<string> scenarios, int runs, double scale, double seconds)
    {
        Console.WriteLine($"# Benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {runs} run(s), scale {scale}, {seconds} s of changes per shape");
        foreach (var scenario in scenarios)
        {
            Console.WriteLine();
            Console.WriteLine($"## {scenario}");
            if (OwnScenarios.Runners.TryGetValue(scenario, out var runner))
            {
                Console.WriteLine(await runner(targets, runs, scale, seconds));
                continue;
            }
            if (scenario == "join")
            {
                var joins = new List<JoinResult>();
                foreach (var target in targets)
                    for (var run = 0; run < runs; run++)
                        if (await target.Join(Math.Max(10, (int)(2000 * scale)), 64) is { } j) joins.Add(j);
                Console.WriteLine(Report.Joins(joins));
                continue;
            }
            var outcomes = new List<IReadOnlyList<Outcome>>();
            for (var run = 0; run < runs; run++)
            {
                var thisRun = new List<Outcome>();
                foreach (var target in targets)
                    foreach (var shape in Scenarios.Shapes(scenario, scale, seconds).Where(Wanted))
                    {
                        var o = await FanOut.Run(target, shape, Console.Error.WriteLine);
                        Console.Error.WriteLine($"  run {run + 1} {o.Target} {shape.Name}: delivery {Stats.Summary(o.Delivery)}; ack {Stats.Summary(o.Acks)}; lost {o.Lost} dup {o.Duplicates} gaps {o.Gaps}; CPU ms per change {ProcessCpu.Describe(o.CpuMsPerChange)}");
                        thisRun.Add(o);
                    }
                outcomes.Add(thisRun);
            }
            Console.WriteLine(Report.FanOut(outcomes));
            if (scenario is "slow" or "flood") Console.WriteLine(Report.Isolation(outcomes));
        }
    }
}
