namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>
/// CPU time the benchmark's processes spent, read from /proc (Linux): the figure that stays comparable
/// when other work shares the machine, where latencies do not. deploy/bench.sh names the processes in
/// <c>SI_BENCH_PIDS</c> (<c>product=123,naive=124,bare=125,storage=126</c>); the swarm counts itself.
/// <c>stolen</c> is the CPU time the hypervisor gave to other machines meanwhile (all cores, /proc/stat's
/// steal): on a shared host it reached a third of the time in some hours, and runs then are not comparable
/// with quiet ones.
/// </summary>
public static class ProcessCpu
{
    private static readonly IReadOnlyDictionary<string, int> Named = Parse(Environment.GetEnvironmentVariable("SI_BENCH_PIDS"));

    /// <summary>CPU seconds so far of the target's own process, the storage emulator and the swarm; empty where /proc is missing.</summary>
    public static IReadOnlyDictionary<string, double> Now(string target)
    {
        var now = new Dictionary<string, double>();
        if (Named.TryGetValue(target, out var own) && Seconds(own) is { } t) now[target] = t;
        if (Named.TryGetValue("storage", out var storage) && Seconds(storage) is { } s) now["storage"] = s;
        if (Seconds(Environment.ProcessId) is { } swarm) now["swarm"] = swarm;
        if (Stolen() is { } stolen) now["stolen"] = stolen;
        return now;
    }

    private static double? Stolen()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal ...", in USER_HZ (100 a second).
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 8 ? long.Parse(fields[8]) / 100.0 : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Milliseconds of CPU per change between two readings of <see cref="Now"/>.</summary>
    public static IReadOnlyDictionary<string, double> PerChange(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after, int changes) =>
        after.Where(a => before.ContainsKey(a.Key) && changes > 0)
            .ToDictionary(a => a.Key, a => (a.Value - before[a.Key]) * 1000 / changes);

    public static string Describe(IReadOnlyDictionary<string, double>? perChange) =>
        perChange is { Count: > 0 } ? string.Join(", ", perChange.Select(p => $"{p.Key} {p.Value:F2}")) : "";

    private static double? Seconds(int pid)
    {
        try
        {
            // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0; // USER_HZ is 100 on Linux
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static IReadOnlyDictionary<string, int> Parse(string? pids) =>
        (pids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .Where(p => p.Length == 2 && int.TryParse(p[1], out _))
            .ToDictionary(p => p[0], p => int.Parse(p[1]));
}
