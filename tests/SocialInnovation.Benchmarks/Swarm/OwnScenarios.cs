namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>
/// Scenarios that are not a fan-out of changes to watchers (so not <see cref="Scenarios.Shapes"/>): each runs
/// itself against every target and returns its markdown report. A capability adds its runner here.
/// </summary>
public static class OwnScenarios
{
    public delegate Task<string> Runner(IReadOnlyList<Target> targets, int runs, double scale, double seconds);

    public static readonly IReadOnlyDictionary<string, Runner> Runners = new Dictionary<string, Runner>
    {
        [VoteScenario.Name] = VoteScenario.Run,
        [JudgeScenario.Name] = JudgeScenario.Run,
    };
}
