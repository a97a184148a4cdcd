using Microsoft.Playwright;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Camps;

/// <summary>
/// An organizer's whole day in the browser — sign in, create a camp, invite, add a team, archive — on a
/// 375 px phone, with every page checked by axe-core and for horizontal scrolling.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganizerJourneyTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task An_organizer_on_a_phone_creates_a_camp_invites_adds_a_team_and_archives_it()
    {
        await using var context = await fixture.NewContext(375, 740);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Checked(page, "the welcome page");

        await page.GotoAsync("/signin");
        await Checked(page, "the sign-in page");
        // Keyboard only: the key field has focus, Enter submits.
        await page.Keyboard.TypeAsync(PlatformHost.OrganizerKey);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("camp-create")).ToBeVisibleAsync();
        await Checked(page, "My camps with the create-camp form");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("SICamp Bishkek");
        await page.GetByLabel("Location").FillAsync("Bishkek");
        await page.GetByLabel("Start date").FillAsync("2027-06-01");
        await page.GetByLabel("End date").FillAsync("2027-06-10");
        await page.GetByLabel("Countries").FillAsync("KG, KZ");
        await page.GetByTestId("camp-create").ClickAsync();
        await page.WaitForURLAsync("**/camps/*");
        await Assertions.Expect(page.GetByTestId("phase-current")).ToHaveAttributeAsync("data-phase", "Draft", Patiently);
        await Checked(page, "the camp page");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the organizer console" }).ClickAsync();
        await page.WaitForURLAsync("**/organize");
        await Assertions.Expect(page.GetByTestId("invite-create")).ToBeVisibleAsync();
        await Checked(page, "the organizer console");

        await page.GetByLabel("Label").FillAsync("Participants Bishkek");
        await page.GetByTestId("invite-create").ClickAsync();
        await Assertions.Expect(page.GetByTestId("invite-link")).ToContainTextAsync("/join#");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code of the invite link" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Revoke invite “Participants Bishkek”" })).ToBeVisibleAsync();

        await page.GetByLabel("Team name").FillAsync("Clean Water");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add team" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Team Clean Water added.")).ToBeVisibleAsync();
        await Checked(page, "the console after an invite and a team");

        await page.GetByTestId("phase-to-Archived").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Assertions.Expect(page.GetByTestId("phase-current")).ToHaveAttributeAsync("data-phase", "Archived", Patiently);
        await Checked(page, "the archived camp's console");
    }

    private static async Task Checked(IPage page, string what)
    {
        await Accessibility.Check(page, what);
        await Accessibility.FitsWidth(page, what);
    }
}
