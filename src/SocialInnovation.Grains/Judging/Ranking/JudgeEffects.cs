namespace SocialInnovation.Grains.Judging.Ranking;

/// <summary>How one judge scores: <c>score ≈ mean + Offset + Scale × quality</c>, with this much noise.</summary>
public sealed record JudgeEffect(double Offset, double Scale, double Noise, int Count);

/// <summary>
/// Team qualities (mean 0, spread 1 over the teams) and each judge's harshness and spread, fitted together.
/// <see cref="Typical"/> puts a quality back on the score scale as an average judge would have scored it.
/// </summary>
public sealed record JudgeEffectsFit(
    IReadOnlyDictionary<Guid, double> Quality,
    IReadOnlyDictionary<Guid, JudgeEffect> Judges,
    double Mean,
    double Scale)
{
    public double Typical(Guid team) => Mean + Scale * Quality[team];

    public double Expected(Guid judge, Guid team)
    {
        var j = Judges[judge];
        return Mean + j.Offset + j.Scale * Quality[team];
    }
}

/// <summary>
/// Fits <c>score = mean + offset_j + scale_j × quality_t + noise_j</c> by alternating weighted least squares.
/// Judges see different teams, so a raw mean rewards a team that met lenient judges; the fit compares each
/// judge with themselves instead. Priors keep it sane with little data: a judge's offset is pulled to 0 and
/// scale to the judges' common scale (a judge with two scores cannot prove they are harsh), qualities to
/// 0 with spread 1 (the model's own assumption, so a team seen once is not ranked on one opinion), and each
/// judge's noise to the pooled noise (strongly: a judge is only trusted less than others after many scores
/// that disagree with them, e.g. a careless judge scoring at random). It starts from per-judge z-scores,
/// which already remove most harshness, so the alternation does not settle on the raw means' story.
/// </summary>
public static class JudgeEffects
{
    private const int MaxIterations = 500;
    private const double Converged = 1e-9;
    /// <summary>Every judge's noise counts as if they had also given this many scores with the pooled noise.</summary>
    private const double PooledNoiseWeight = 6;

    public static JudgeEffectsFit Fit(IReadOnlyList<Judgment> judgments) => Fit(judgments, start: null);

    /// <summary>Fits again from an earlier fit of similar scores (the bootstrap's re-runs converge in a few steps).</summary>
    public static JudgeEffectsFit Fit(IReadOnlyList<Judgment> judgments, JudgeEffectsFit? start)
    {
        ArgumentOutOfRangeException.ThrowIfZero(judgments.Count);
        var teamIds = judgments.Select(j => j.Team).Distinct().ToArray();
        var judgeIds = judgments.Select(j => j.Judge).Distinct().ToArray();
        var teamIndex = teamIds.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        var judgeIndex = judgeIds.Select((j, i) => (j, i)).ToDictionary(p => p.j, p => p.i);
        int n = judgments.Count, teams = teamIds.Length, judges = judgeIds.Length;
        var team = new int[n];
        var judge = new int[n];
        var score = new double[n];
        for (var i = 0; i < n; i++)
        {
            team[i] = teamIndex[judgments[i].Team];
            judge[i] = judgeIndex[judgments[i].Judge];
            score[i] = judgments[i].Score;
        }
        var judgeCount = new int[judges];
        foreach (var j in judge) judgeCount[j]++;

        var spread = Math.Max(StandardDeviation(score), 1e-6);
        var floor = 1e-6 * spread * spread;
        var quality = new double[teams];
        var offset = new double[judges];
        var slope = new double[judges];
        var noise = new double[judges];
        double mean, scale;
        if (start is not null && teamIds.All(start.Quality.ContainsKey) && judgeIds.All(start.Judges.ContainsKey))
        {
            mean = start.Mean;
            scale = start.Scale;
            for (var t = 0; t < teams; t++) quality[t] = start.Quality[teamIds[t]];
            for (var j = 0; j < judges; j++)
            {
                var e = start.Judges[judgeIds[j]];
                (offset[j], slope[j], noise[j]) = (e.Offset, e.Scale, Math.Max(e.Noise * e.Noise, floor));
            }
        }
        else
        {
            mean = score.Average();
            var z = RawScores.ZMeans(judgments);
            for (var t = 0; t < teams; t++) quality[t] = z[teamIds[t]];
            Standardize(quality);
            scale = spread;
            Array.Fill(slope, scale);
            Array.Fill(noise, spread * spread);
        }
        var offsetPrior = 1 / (spread * spread); // offsets of about one spread of all scores are ordinary

        var numerator = new double[teams];
        var denominator = new double[teams];
        var residuals = new double[judges];
        var sums = new double[judges, 5];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var previous = quality.Concat(offset).Concat(slope).ToArray();
            var slopePrior = 1 / Math.Pow(0.5 * Math.Max(Math.Abs(scale), 1e-3), 2); // scales within about ×0.5–×1.5

            // Each judge: a weighted ridge regression of (score − mean) on quality, a 2×2 system.
            Array.Clear(sums);
            for (var i = 0; i < n; i++)
            {
                var j = judge[i];
                var q = quality[team[i]];
                var y = score[i] - mean;
                sums[j, 0] += 1; sums[j, 1] += q; sums[j, 2] += q * q; sums[j, 3] += y; sums[j, 4] += q * y;
            }
            for (var j = 0; j < judges; j++)
            {
                var w = 1 / noise[j];
                double a11 = w * sums[j, 0] + offsetPrior, a12 = w * sums[j, 1], a22 = w * sums[j, 2] + slopePrior;
                double b1 = w * sums[j, 3], b2 = w * sums[j, 4] + slopePrior * scale;
                var det = a11 * a22 - a12 * a12;
                offset[j] = (b1 * a22 - a12 * b2) / det;
                slope[j] = (a11 * b2 - a12 * b1) / det;
            }

            // Each judge's noise, pulled to the pooled noise.
            Array.Clear(residuals);
            for (var i = 0; i < n; i++) residuals[judge[i]] += Square(score[i] - mean - offset[judge[i]] - slope[judge[i]] * quality[team[i]]);
            var pooled = Math.Max(residuals.Sum() / n, floor);
            for (var j = 0; j < judges; j++)
                noise[j] = Math.Max((residuals[j] + PooledNoiseWeight * pooled) / (judgeCount[j] + PooledNoiseWeight), floor);

            // Each team: its quality given the judges, with the prior quality ~ N(0, 1).
            Array.Fill(numerator, 0);
            Array.Fill(denominator, 1);
            for (var i = 0; i < n; i++)
            {
                var j = judge[i];
                var w = 1 / noise[j];
                numerator[team[i]] += w * slope[j] * (score[i] - mean - offset[j]);
                denominator[team[i]] += w * slope[j] * slope[j];
            }
            for (var t = 0; t < teams; t++) quality[t] = numerator[t] / denominator[t];

            // Keep qualities at mean 0, spread 1: the same fit re-expressed, so offsets and scales stay comparable.
            var (qMean, qSpread) = Standardize(quality);
            for (var j = 0; j < judges; j++)
            {
                offset[j] += slope[j] * qMean;
                slope[j] *= qSpread;
            }
            // The common level moves into mean, so offsets average 0; the common scale is the judges' average.
            var offsetMean = offset.Average();
            mean += offsetMean;
            for (var j = 0; j < judges; j++) offset[j] -= offsetMean;
            scale = slope.Average();

            // Converged when nothing moves any more: qualities, offsets and scales (the qualities alone can be
            // right from the start while the judges' scales are still settling).
            var change = 0.0;
            var now = quality.Concat(offset).Concat(slope).ToArray();
            for (var k = 0; k < now.Length; k++) change = Math.Max(change, Math.Abs(now[k] - previous[k]));
            if (change < Converged) break;
        }

        return new JudgeEffectsFit(
            teamIds.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => quality[p.i]),
            judgeIds.Select((j, i) => (j, i)).ToDictionary(p => p.j, p => new JudgeEffect(offset[p.i], slope[p.i], Math.Sqrt(noise[p.i]), judgeCount[p.i])),
            mean,
            scale);
    }

    /// <summary>Shifts and stretches to mean 0, spread 1 (unless all are equal); returns the mean and spread it removed.</summary>
    private static (double Mean, double Spread) Standardize(double[] values)
    {
        var mean = values.Average();
        var spread = StandardDeviation(values);
        if (values.Length < 2 || spread < 1e-9) return (0, 1);
        for (var i = 0; i < values.Length; i++) values[i] = (values[i] - mean) / spread;
        return (mean, spread);
    }

    internal static double StandardDeviation(IReadOnlyCollection<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => Square(v - mean)) / values.Count);
    }

    internal static double StandardDeviation(IEnumerable<double> values) => StandardDeviation(values.ToArray());

    private static double Square(double x) => x * x;
}
