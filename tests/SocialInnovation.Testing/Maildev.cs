using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace SocialInnovation.Testing;

/// <summary>
/// A maildev SMTP server the test hosts send mail to, read back through its REST API (GET /api/email).
/// deploy/test.sh starts one and passes its ports in SI_TEST_MAIL_SMTP and SI_TEST_MAIL_WEB; a test run
/// started any other way starts its own from deploy/node_modules on free ports, like <see cref="TestStorage"/>.
/// </summary>
public sealed class Maildev : IAsyncDisposable
{
    private static readonly Lazy<Maildev> SharedInstance = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Process? _process;
    private readonly HttpClient _http;

    private Maildev(int smtpPort, int webPort, Process? process)
    {
        SmtpPort = smtpPort;
        WebPort = webPort;
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
    }

    /// <summary>The maildev every test host sends to unless told otherwise.</summary>
    public static Maildev Shared => SharedInstance.Value;

    public int SmtpPort { get; }

    public int WebPort { get; }

    /// <summary>Starts a maildev of a test's own, e.g. to bring "SMTP" up after a host started without it.</summary>
    public static async Task<Maildev> Start(int smtpPort, int webPort)
    {
        var maildev = Launch(smtpPort, webPort);
        await Task.Run(() => FreePorts.WaitUntilOpen(webPort, "maildev", TimeSpan.FromSeconds(60)));
        return maildev;
    }

    /// <summary>The mails maildev received for <paramref name="to"/> (newest last).</summary>
    public async Task<IReadOnlyList<ReceivedMail>> To(string to)
    {
        var all = await _http.GetFromJsonAsync<JsonElement>("/api/email");
        return all.EnumerateArray()
            .Where(m => m.GetProperty("to").EnumerateArray().Any(a => string.Equals(a.GetProperty("address").GetString(), to, StringComparison.OrdinalIgnoreCase)))
            .Select(m => new ReceivedMail(to, m.GetProperty("subject").GetString() ?? "", m.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "",
                m.GetProperty("time").GetDateTimeOffset()))
            .OrderBy(m => m.At)
            .ToList();
    }

    /// <summary>Waits until <paramref name="count"/> mails reached <paramref name="to"/>; bounded, so a lost mail fails the test.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitFor(string to, int count = 1, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var got = await To(to);
            if (got.Count >= count) return got;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{count} mail(s) to {to} did not arrive; got {got.Count}.");
            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        try { _process?.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        return ValueTask.CompletedTask;
    }

    private static Maildev StartOrFind()
    {
        if (Environment.GetEnvironmentVariable("SI_TEST_MAIL_SMTP") is { Length: > 0 } smtp
            && Environment.GetEnvironmentVariable("SI_TEST_MAIL_WEB") is { Length: > 0 } web)
            return new Maildev(int.Parse(smtp), int.Parse(web), null);
        var ports = FreePorts.Take(2);
        var maildev = Launch(ports[0], ports[1]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => maildev.DisposeAsync();
        FreePorts.WaitUntilOpen(ports[1], "maildev", TimeSpan.FromSeconds(60));
        return maildev;
    }

    private static Maildev Launch(int smtpPort, int webPort)
    {
        var bin = Path.Combine(Repo.Root, "deploy", "node_modules", ".bin", "maildev");
        if (!File.Exists(bin)) throw new InvalidOperationException("maildev is not installed: run deploy/test.sh, or 'npm ci' in deploy/.");
        var directory = Path.Combine(Path.GetTempPath(), $"si-maildev-{Environment.ProcessId}-{smtpPort}");
        Directory.CreateDirectory(directory);
        var process = ChildProcess.StartTied(bin,
            $"--smtp {smtpPort} --web {webPort} --ip 127.0.0.1 --web-ip 127.0.0.1 --mail-directory {directory} --silent");
        return new Maildev(smtpPort, webPort, process);
    }
}

public sealed record ReceivedMail(string To, string Subject, string Text, DateTimeOffset At);
