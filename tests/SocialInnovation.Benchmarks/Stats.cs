namespace SocialInnovation.Benchmarks;

public static class Stats
{
    public static string Summary(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0) return "no samples";
        var sorted = milliseconds.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return $"n={sorted.Length,6}  p50={At(0.50),7:F2} ms  p95={At(0.95),7:F2} ms  p99={At(0.99),7:F2} ms  max={sorted[^1],7:F2} ms";
    }
}
