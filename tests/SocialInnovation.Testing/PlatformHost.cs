using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialInnovation.Server.Hosting;

namespace SocialInnovation.Testing;

/// <summary>
/// One real platform node (silo + web server) started in the test process on free ports, exactly as
/// Program.cs starts it, against the test Azurite.
/// </summary>
public sealed class PlatformHost : IAsyncDisposable
{
    public const string OrganizerKey = "test-organizer-key-0123456789abcdef";

    private readonly WebApplication _app;

    private PlatformHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="world">Names the cluster and the storage container: hosts sharing it share their data.</param>
    /// <param name="clustering">Localhost for one node, AzureTable for several forming one cluster.</param>
    /// <param name="settings">More configuration, e.g. Demo:StartsOn.</param>
    /// <param name="services">More services, e.g. a stream kind defined by a test.</param>
    public static async Task<PlatformHost> Start(string world, string clustering = "Localhost", bool seedDemo = false,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var ports = FreePorts.Take(3);
        var configuration = new Dictionary<string, string?>(GenerousLimits)
        {
            // Mail goes to the shared maildev unless the test names another SMTP server.
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = settings?.ContainsKey("Mail:Port") == true ? null : Maildev.Shared.SmtpPort.ToString(),
            ["Mail:Security"] = "None",
            // The intake demo (120 applications) only where a test asks for it: it slows every seeded start.
            ["Demo:Intake"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) configuration[key] = value;
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = TestStorage.ConnectionString,
            ["Storage:StateContainer"] = $"state-{world}",
            ["Cluster:Mode"] = clustering,
            ["Cluster:Id"] = world,
            ["Cluster:SiloPort"] = ports[1].ToString(),
            ["Cluster:GatewayPort"] = ports[2].ToString(),
            ["Platform:OrganizerKey"] = OrganizerKey,
            ["Demo:Seed"] = seedDemo.ToString(),
        }) configuration[key] = value;
        var app = PlatformApp.Build(
            [$"--contentRoot={Path.Combine(Repo.Root, "src", "SocialInnovation.Server")}"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(configuration);
                builder.WebHost.UseUrls($"http://127.0.0.1:{ports[0]}");
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                services?.Invoke(builder.Services);
            });
        await app.StartAsync();
        return new PlatformHost(app, new Uri($"http://127.0.0.1:{ports[0]}"));
    }

    /// <summary>
    /// Tests and benchmarks make many camps and joins from 127.0.0.1 in seconds: their hosts allow
    /// that, unless a test passes tighter RateLimits:* settings to see the limits work.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> GenerousLimits = new Dictionary<string, string?>
    {
        ["RateLimits:SignIn:Permits"] = "1000000",
        ["RateLimits:Invites:Permits"] = "1000000",
        ["RateLimits:PublicForms:Permits"] = "1000000",
        ["RateLimits:Writes:Permits"] = "1000000",
        ["RateLimits:SignInFailuresBeforeBackoff"] = "1000000",
    };

    /// <summary>A fresh name for a test's own cluster and storage, so tests never see each other's data.</summary>
    public static string NewWorld() => $"t{Guid.NewGuid():N}"[..20];

    public ApiClient Client(ApiClient? sharingCookiesWith = null) => new(Address, sharingCookiesWith?.Cookies);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
