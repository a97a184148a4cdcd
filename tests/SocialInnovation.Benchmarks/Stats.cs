namespace SocialInnovation.Benchmarks;

public static class Stats
{
    /// <summary>The q-quantile (nearest rank); NaN without samples.</summary>
    public static double At(IReadOnlyCollection<double> samples, double q)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IEnumerable<double> values) => At(values.ToList(), .5);

    public static string Summary(IReadOnlyCollection<double> ms) => ms.Count == 0 ? "no samples"
        : $"n={ms.Count,6}  p50={At(ms, .5),7:F2} ms  p95={At(ms, .95),7:F2} ms  p99={At(ms, .99),7:F2} ms  max={At(ms, 1),7:F2} ms";
}
