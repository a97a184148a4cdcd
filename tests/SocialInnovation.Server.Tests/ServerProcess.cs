using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests;

/// <summary>
/// The platform as `deploy/run.sh` starts it, in its own process, on the tests' storage: what kill -9 tests
/// kill (<see cref="Kill"/>) and start again on the same storage.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    /// <summary>The state container of a world's processes: every process started for it shares its storage.</summary>
    public static string Container(string world) => $"state-{world}";

    /// <summary>How many rows a table of the world's storage holds (a journal: <paramref name="prefix"/> + the container).</summary>
    public static async Task<int> TableRows(string world, string prefix)
    {
        var table = new TableClient(TestStorage.ConnectionString, prefix + new string(Container(world).Where(char.IsAsciiLetterOrDigit).ToArray()));
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"])) rows++;
        return rows;
    }

    /// <summary>Whether a request sent as the process was killed was answered OK (nobody can tell in advance).</summary>
    public static async Task<bool> Answered(Task<HttpResponseMessage> sending)
    {
        try
        {
            return (await sending).StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public static async Task<ServerProcess> Start(string world)
    {
        var ports = FreePorts.Take(3);
        var address = new Uri($"http://127.0.0.1:{ports[0]}");
        var settings = new Dictionary<string, string?>(PlatformHost.GenerousLimits)
        {
            ["Storage:ConnectionString"] = TestStorage.ConnectionString,
            ["Storage:StateContainer"] = Container(world),
            ["Cluster:SiloPort"] = ports[1].ToString(),
            ["Cluster:GatewayPort"] = ports[2].ToString(),
            ["Platform:OrganizerKey"] = PlatformHost.OrganizerKey,
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = Maildev.Shared.SmtpPort.ToString(),
            ["Mail:Security"] = "None",
            ["Demo:Seed"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var arguments = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, "SocialInnovation.Server.dll"),
            "--contentRoot", Path.Combine(Repo.Root, "src", "SocialInnovation.Server"),
            "--urls", address.ToString().TrimEnd('/'),
        };
        arguments.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
        // Tied to this test process, so a runner that dies leaves no server behind.
        var process = ChildProcess.StartTied("dotnet", string.Join(' ', arguments.Select(a => $"'{a.Replace("'", "'\\''")}'")));
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, address);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 480; i++)
        {
            if (process.HasExited) break;
            try
            {
                if ((await http.GetAsync(new Uri(address, "/health"))).IsSuccessStatusCode) return server;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        await server.Kill();
        throw new InvalidOperationException("The server process did not become healthy.");
    }

    /// <summary>SIGKILL: the process ends at once, nothing of it runs any more.</summary>
    public async Task Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Kill();
        _process.Dispose();
    }
}
