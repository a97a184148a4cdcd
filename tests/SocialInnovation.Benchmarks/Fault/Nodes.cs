using System.Diagnostics;

namespace SocialInnovation.Benchmarks.Fault;

/// <summary>A platform node that can be killed and started again.</summary>
public interface IFaultNode
{
    Uri Address { get; }
    bool Alive { get; }
    Task Kill();
    Task Restart();
}

/// <summary>A node as its own process: killed with SIGKILL, no goodbye to the cluster.</summary>
public sealed class ProcessNode(string serverDll, string contentRoot, int index, IReadOnlyDictionary<string, string> settings, string logFile) : IFaultNode
{
    // SI_FAULT_PORT_OFFSET moves every port of the run's nodes, so that two runs on one machine do not collide.
    private static readonly int Offset = int.TryParse(Environment.GetEnvironmentVariable("SI_FAULT_PORT_OFFSET"), out var o) ? o : 0;

    private Process? _process;
    private readonly StreamWriter _log = new(logFile, append: true) { AutoFlush = true };

    public int SiloPort => 11290 + Offset + index;

    public Uri Address { get; } = new($"http://127.0.0.1:{5290 + Offset + index}");
    public bool Alive => _process is { HasExited: false };

    public async Task Restart()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { serverDll, "--contentRoot", contentRoot, "--urls", Address.ToString().TrimEnd('/'),
                     "--Cluster:Mode=AzureTable", $"--Cluster:SiloPort={SiloPort}", $"--Cluster:GatewayPort={30290 + Offset + index}" })
            start.ArgumentList.Add(a);
        foreach (var (k, v) in settings) start.ArgumentList.Add($"--{k}={v}");
        _process = Process.Start(start)!;
        _log.WriteLine($"--- started {DateTime.UtcNow:O}");
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (_log) _log.WriteLine(line); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (_log) _log.WriteLine(line); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(Address, "/health"))).IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"Node {index} did not become healthy.");
    }

    public Task Kill()
    {
        lock (_log) _log.WriteLine($"--- killed {DateTime.UtcNow:O}");
        _process?.Kill(entireProcessTree: true);
        return _process?.WaitForExitAsync() ?? Task.CompletedTask;
    }
}
