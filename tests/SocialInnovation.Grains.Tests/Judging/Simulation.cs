using SocialInnovation.Grains.Judging.Ranking;

namespace SocialInnovation.Grains.Tests.Judging;

/// <summary>
/// A camp with teams of known true quality and judges with their own harshness, spread and noise (some of
/// them careless: uniform random scores). Seeded, so every run of the tests sees the same camps.
/// </summary>
internal sealed class Simulation
{
    private readonly Random _random;
    public Guid[] Teams { get; }
    public double[] Truth { get; }
    private readonly (Guid Id, double Offset, double Scale, double Noise, bool Careless)[] _judges;

    private Simulation(int seed, int teams, int judges, int careless)
    {
        _random = new Random(seed);
        Teams = Enumerable.Range(0, teams).Select(_ => Guid.NewGuid()).ToArray();
        Truth = Teams.Select(_ => Gaussian()).ToArray();
        _judges = Enumerable.Range(0, judges)
            .Select(i => (Guid.NewGuid(), 1.2 * Gaussian(), 0.5 + _random.NextDouble(), 0.4 + 0.6 * _random.NextDouble(), i < careless))
            .ToArray();
    }

    public static Simulation World(int seed, int teams, int judges, int careless) => new(seed, teams, judges, careless);

    /// <summary>Each team scored by <paramref name="perTeam"/> different judges, loads kept even, scores on 0–10.</summary>
    public IReadOnlyList<Judgment> Judge(int perTeam)
    {
        var load = new int[_judges.Length];
        var scores = new List<Judgment>();
        for (var t = 0; t < Teams.Length; t++)
        {
            var chosen = Enumerable.Range(0, _judges.Length).OrderBy(j => load[j]).ThenBy(_ => _random.Next()).Take(perTeam);
            foreach (var j in chosen)
            {
                load[j]++;
                var judge = _judges[j];
                var score = judge.Careless
                    ? 10 * _random.NextDouble()
                    : 5.5 + judge.Offset + judge.Scale * 1.5 * Truth[t] + judge.Noise * Gaussian();
                scores.Add(new Judgment(judge.Id, Teams[t], Math.Clamp(Math.Round(score * 2) / 2, 0, 10)));
            }
        }
        return scores;
    }

    /// <summary>How many of the true top k are in the given order's top k, as a fraction.</summary>
    public double TopKRecall(IReadOnlyList<Guid> order, int k)
    {
        var trueTop = TrueOrder().Take(k).ToHashSet();
        return order.Take(k).Count(trueTop.Contains) / (double)k;
    }

    /// <summary>Kendall's tau between the given order and the true one (1 = identical, −1 = reversed).</summary>
    public double KendallTau(IReadOnlyList<Guid> order)
    {
        var position = order.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        var truth = TrueOrder();
        int concordant = 0, discordant = 0;
        for (var i = 0; i < truth.Count; i++)
            for (var j = i + 1; j < truth.Count; j++)
                if (position[truth[i]] < position[truth[j]]) concordant++; else discordant++;
        return (concordant - discordant) / (double)(concordant + discordant);
    }

    private List<Guid> TrueOrder() => Teams.Select((t, i) => (t, Truth[i])).OrderByDescending(p => p.Item2).Select(p => p.t).ToList();

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
