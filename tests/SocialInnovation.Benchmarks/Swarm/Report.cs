using System.Text;

namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>Markdown tables of the outcomes: the median over runs of each figure, and the ratios the issue's goals are stated in.</summary>
public static class Report
{
    public static string FanOut(IReadOnlyList<IReadOnlyList<Outcome>> runs)
    {
        var text = new StringBuilder();
        text.AppendLine("| target | shape | delivery p50 | p95 | p99 | max | ack p50 | ack p99 | delivered | lost | dup | gaps | resyncs | failed changes |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var groups = runs.SelectMany(r => r).GroupBy(o => (o.Target, o.Shape.Name)).ToList();
        foreach (var g in groups)
        {
            var o = g.ToList();
            text.AppendLine($"| {g.Key.Target} | {g.Key.Name} | {Ms(o, x => Stats.At(x.Delivery, .5))} | {Ms(o, x => Stats.At(x.Delivery, .95))} | " +
                $"{Ms(o, x => Stats.At(x.Delivery, .99))} | {Ms(o, x => Stats.At(x.Delivery, 1))} | {Ms(o, x => Stats.At(x.Acks, .5))} | {Ms(o, x => Stats.At(x.Acks, .99))} | " +
                $"{o.Sum(x => x.Delivered)}/{o.Sum(x => x.Expected)} | {o.Sum(x => x.Lost)} | {o.Sum(x => x.Duplicates)} | {o.Sum(x => x.Gaps)} | {o.Sum(x => x.Resyncs)} | {o.Sum(x => x.FailedChanges)} |");
        }
        foreach (var shape in groups.Select(g => g.Key.Name).Distinct())
        {
            double? Median(string target, Func<Outcome, double> f) =>
                groups.FirstOrDefault(g => g.Key == (target, shape)) is { } g ? Stats.Median(g.Select(f)) : null;
            // The goals divide the medians; each run's own ratio (same machine, same minutes) shows the spread behind them.
            string PerRun(string target, string reference, Func<Outcome, double> f)
            {
                var of = groups.FirstOrDefault(g => g.Key == (target, shape))?.ToList();
                var against = groups.FirstOrDefault(g => g.Key == (reference, shape))?.ToList();
                if (of is null || against is null || of.Count < 2 || of.Count != against.Count) return "";
                return $" (per run {string.Join(" / ", of.Zip(against, (a, b) => $"{f(a) / f(b):F2}"))})";
            }
            var lines = new List<string>();
            if (Median("product", x => Stats.At(x.Delivery, .5)) is { } p50 && Median("bare", x => Stats.At(x.Delivery, .5)) is { } b50)
                lines.Add($"delivery p50 product ÷ bare {p50 / b50:F2}×, p99 {Median("product", x => Stats.At(x.Delivery, .99))!.Value / Median("bare", x => Stats.At(x.Delivery, .99))!.Value:F2}×" +
                    PerRun("product", "bare", x => Stats.At(x.Delivery, .99)));
            if (Median("product", x => Stats.At(x.Acks, .99)) is { } pa && Median("naive", x => Stats.At(x.Acks, .99)) is { } na)
                lines.Add($"ack p99 product ÷ naive {pa / na:F2}×" + PerRun("product", "naive", x => Stats.At(x.Acks, .99)));
            var cpu = groups.Where(g => g.Key.Name == shape && g.Any(o => o.CpuMsPerChange is { Count: > 0 }))
                .Select(g => $"{g.Key.Target} " + string.Join(" / ", g.SelectMany(o => o.CpuMsPerChange ?? new Dictionary<string, double>())
                    .GroupBy(p => p.Key).Select(p => $"{p.Key} {Stats.Median(p.Select(x => x.Value)):F2}")))
                .ToList();
            if (cpu.Count > 0) lines.Add($"CPU ms per change (median): {string.Join("; ", cpu)}");
            if (lines.Count > 0) text.AppendLine().AppendLine($"{shape}: {string.Join("; ", lines)}");
        }
        var notes = runs.SelectMany(r => r).Where(o => o.Note is not null || o.JoinsPerSecond is not null)
            .Select(o => $"- {o.Target}, {o.Shape.Name}: {o.Note}{(o.JoinsPerSecond is { } j ? $" (watchers joined at {j:F0}/s)" : "")}").Distinct();
        foreach (var n in notes) text.AppendLine(n);
        return text.ToString();
    }

    /// <summary>Others' p99 with a disruptor ÷ without, per target (shapes in order: alone first).</summary>
    public static string Isolation(IReadOnlyList<IReadOnlyList<Outcome>> runs)
    {
        var text = new StringBuilder();
        foreach (var g in runs.SelectMany(r => r).GroupBy(o => o.Target))
        {
            var alone = Stats.Median(g.Where(o => o.Shape.Disruption == Disruption.None).Select(o => Stats.At(o.Delivery, .99)));
            var with = Stats.Median(g.Where(o => o.Shape.Disruption != Disruption.None).Select(o => Stats.At(o.Delivery, .99)));
            text.AppendLine($"{g.Key}: others' delivery p99 with ÷ without {with / alone:F2}× ({with:F1} ms vs {alone:F1} ms)");
        }
        return text.ToString();
    }

    public static string Joins(IReadOnlyList<JoinResult> runs) =>
        "| people | joins/s | redeem p50 | p99 | max | failed |\n|---|---|---|---|---|---|\n" +
        string.Join("\n", runs.Select(r => $"| {r.People} | {r.JoinsPerSecond:F0} | {Stats.At(r.Latencies, .5):F1} ms | {Stats.At(r.Latencies, .99):F1} ms | {Stats.At(r.Latencies, 1):F1} ms | {r.Failed} |")) +
        (runs.Count > 1 ? $"\n\nmedian joins/s: {Stats.Median(runs.Select(r => r.JoinsPerSecond)):F0}" : "") + "\n";

    private static string Ms(List<Outcome> runs, Func<Outcome, double> figure) => $"{Stats.Median(runs.Select(figure)):F1} ms";
}
