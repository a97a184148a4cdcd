using System.Diagnostics;
using System.Net.Sockets;

namespace SocialInnovation.Testing;

/// <summary>
/// The Azurite the integration tests run against. deploy/test.sh starts one and passes its connection
/// string in SI_TEST_STORAGE; a test run started any other way (an IDE, plain dotnet test) starts its
/// own from deploy/node_modules and stops it when the test process exits.
/// </summary>
public static class TestStorage
{
    private static readonly Lazy<string> Connection = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);
    private static Process? _azurite;

    public static string ConnectionString => Connection.Value;

    private static string StartOrFind()
    {
        if (Environment.GetEnvironmentVariable("SI_TEST_STORAGE") is { Length: > 0 } given) return given;

        var azurite = Path.Combine(Repo.Root, "deploy", "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
            throw new InvalidOperationException("Azurite is not installed: run deploy/test.sh, or 'npm ci' in deploy/.");
        var port = FreePorts.Take(3)[0];
        var data = Path.Combine(Path.GetTempPath(), $"si-azurite-{Environment.ProcessId}");
        Directory.CreateDirectory(data);
        _azurite = ChildProcess.StartTied(azurite,
            $"--silent --location {data} --blobHost 127.0.0.1 --blobPort {port} --queuePort {port + 1} --tablePort {port + 2} --skipApiVersionCheck --loose --disableTelemetry");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { _azurite.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } };
        FreePorts.WaitUntilOpen(port, "Azurite", TimeSpan.FromSeconds(30));
        FreePorts.WaitUntilOpen(port + 2, "Azurite", TimeSpan.FromSeconds(30));
        return ConnectionStringFor(port);
    }

    public static string ConnectionStringFor(int blobPort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{blobPort + 1}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{blobPort + 2}/devstoreaccount1;";
}

public static class FreePorts
{
    /// <summary>Waits until a server this process started listens on <paramref name="port"/>.</summary>
    public static void WaitUntilOpen(int port, string server, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException($"{server} did not open port {port} within {patience.TotalSeconds:0} s.");
            }
        }
    }

    /// <summary>
    /// Ports nobody listens on right now; consecutive when asked for a block (Azurite's three). Taken below
    /// Linux's ephemeral range (32768–60999): a port there that is free when checked can become the local end
    /// of any outgoing connection of the test assemblies running in parallel before it is bound (a CI run lost
    /// every benchmark test to "address already in use" on 57632).
    /// </summary>
    public static int[] Take(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Random.Shared.Next(20_000, 32_000);
            var ports = Enumerable.Range(first, count).ToArray();
            if (ports.All(IsFree)) return ports;
        }
        throw new InvalidOperationException("No free ports found.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

public static class Repo
{
    /// <summary>The folder holding SocialInnovation.sln, found from the test binaries upwards.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SocialInnovation.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (SocialInnovation.sln).");
    }
}
