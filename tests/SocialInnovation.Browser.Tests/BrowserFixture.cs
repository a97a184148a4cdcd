using Microsoft.Playwright;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download does not work here), and one
/// platform node serving the built web app, shared by every browser test.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public PlatformHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Repo.Root, "src", "SocialInnovation.Server", "wwwroot", "index.html")))
            throw new InvalidOperationException("The web app is not built: run deploy/test.sh (or npm run build in src/SocialInnovation.Web).");
        // A help request is flagged as soon as the queue checks (its 30 s tick, or a test calling FlagOverdue),
        // so a test can show the flag without waiting ten minutes; no other browser test leaves a hand up that long.
        Host = await PlatformHost.Start(PlatformHost.NewWorld(), settings: new Dictionary<string, string?> { ["Mentors:FlagAfterMinutes"] = "0" });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A separate browser profile (own cookies), sized like a phone or a laptop; with <paramref name="touch"/> a touch-screen phone.</summary>
    public async Task<IBrowserContext> NewContext(int width = 1280, int height = 800, bool touch = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            HasTouch = touch,
            IsMobile = touch,
        });
        await context.AddInitScriptAsync(ContentSecurity.Recorder);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
    }
}
