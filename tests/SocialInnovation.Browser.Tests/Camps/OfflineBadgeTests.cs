using Microsoft.Playwright;
using SocialInnovation.Camps;
using SocialInnovation.People;

namespace SocialInnovation.Browser.Tests.Camps;

[Collection(BrowserCollection.Name)]
public sealed class OfflineBadgeTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_live_badge_says_offline_while_the_browser_has_no_network_and_live_again_after()
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await api.CreateCamp("Offline Camp Khujand");
        var link = (await api.Invite(camp.CampId, CampRole.Participant)).Link!;

        await using var context = await fixture.NewContext(375, 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await page.GetByTestId("join-name").FillAsync("Firuza");
        await page.GetByTestId("join-submit").ClickAsync();
        await page.WaitForURLAsync($"**/camps/{camp.CampId}");
        var badge = page.GetByTestId("live-state");
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-state", "connected", Patiently);

        await context.SetOfflineAsync(true);
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-state", "offline", Patiently);
        await Assertions.Expect(badge).ToHaveTextAsync("Offline");

        await context.SetOfflineAsync(false);
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-state", "connected", Patiently);
        // Back live for real: a change made after the outage reaches the page without a reload.
        await api.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        await Assertions.Expect(page.GetByTestId("phase-current")).ToHaveAttributeAsync("data-phase", nameof(CampPhase.Applications), Patiently);
        await Accessibility.Check(page, "the camp page after an outage");
    }
}
