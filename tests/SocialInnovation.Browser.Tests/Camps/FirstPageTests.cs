using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using SocialInnovation.People;
using Xunit.Abstractions;

namespace SocialInnovation.Browser.Tests.Camps;

/// <summary>
/// The first page a participant opens — the invite link, /join#token — on an emulated slow 3G phone
/// (Chromium's network throttling: 400 ms round trip, 400 kbit/s each way, as WebPageTest's "3G Slow").
/// Measures and reports bytes over the wire and the time until the name field can be typed in; it
/// asserts only that the page works, never a time.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstPageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_invite_page_works_on_a_slow_3G_phone_and_its_size_and_time_are_reported()
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await api.CreateCamp("SICamp Khorog");
        var link = (await api.Invite(camp.CampId, CampRole.Participant, maxUses: 5)).Link!;

        await using var context = await fixture.NewContext(375, 740);
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = 400,
            ["downloadThroughput"] = 400 * 1000 / 8,
            ["uploadThroughput"] = 400 * 1000 / 8,
        });
        var bytes = 0.0;
        var requests = 0;
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            bytes += e!.Value.GetProperty("encodedDataLength").GetDouble();
            requests++;
        };

        var clock = Stopwatch.StartNew();
        await page.GotoAsync(link, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        var name = page.GetByTestId("join-name");
        await Assertions.Expect(name).ToBeEditableAsync(new() { Timeout = 60_000 });
        var usable = clock.Elapsed;
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 60_000 });

        var report = $"First page (/join#token), slow 3G: {bytes / 1024:F1} KB over the wire in {requests} requests " +
                     $"(headers included, compressed as Chromium accepts over http), usable after {usable.TotalSeconds:F2} s.";
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("SI_MEASURE_FILE") is { Length: > 0 } file) await File.AppendAllTextAsync(file, report + "\n");

        await name.FillAsync("Parvina");
        await page.GetByTestId("join-submit").ClickAsync();
        await page.WaitForURLAsync($"**/camps/{camp.CampId}", new() { Timeout = 60_000 });
    }
}
