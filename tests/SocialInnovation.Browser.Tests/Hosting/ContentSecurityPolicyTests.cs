using Microsoft.Playwright;
using SocialInnovation.People;

namespace SocialInnovation.Browser.Tests.Hosting;

/// <summary>The built web app runs under the site's Content-Security-Policy without a single violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task Joining_watching_live_and_sharing_an_invite_cause_no_csp_violation()
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await api.CreateCamp("CSP camp");
        var link = (await api.Invite(camp.CampId, CampRole.Organizer)).Link!;
        await using var context = await fixture.NewContext();
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) console.Add(message.Text); };

        var first = await page.GotoAsync("/");
        await page.GotoAsync(link);
        await page.GetByTestId("join-name").FillAsync("Organizer Aziz");
        await page.GetByTestId("join-submit").ClickAsync();
        await page.WaitForURLAsync($"**/camps/{camp.CampId}");
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", Patiently);
        await ContentSecurity.AssertNone(page, "the camp page, watching live");
        await page.GotoAsync($"/camps/{camp.CampId}/organize");
        await page.GetByLabel("Label").FillAsync("Participants");
        await page.GetByTestId("invite-create").ClickAsync();
        // The QR code is a data: image; the link is copied through the clipboard API.
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code of the invite link" })).ToBeVisibleAsync();
        await ContentSecurity.AssertNone(page, "the organizer console with a new invite");

        Assert.Contains("script-src 'self';", await first!.HeaderValueAsync("content-security-policy"));
        Assert.Empty(console);
    }

    [Fact]
    public async Task An_injected_inline_script_is_blocked_and_reported()
    {
        await using var context = await fixture.NewContext();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.EvaluateAsync("""
            () => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.append(s); }
            """);
        await page.WaitForFunctionAsync("() => window.__cspViolations.length > 0");

        Assert.False(await page.EvaluateAsync<bool>("() => window.__ran === true"));
        await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => ContentSecurity.AssertNone(page, "a page with an injected script"));
    }
}
