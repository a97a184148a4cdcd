using Microsoft.Playwright;
using SocialInnovation.Camps;
using SocialInnovation.People;

namespace SocialInnovation.Browser.Tests.Camps;

[Collection(BrowserCollection.Name)]
public sealed class LivePhaseTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task A_participant_on_a_phone_sees_the_organizers_phase_change_without_reloading()
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await api.CreateCamp("TechBootCamp Dushanbe");
        var organizerLink = (await api.Invite(camp.CampId, CampRole.Organizer)).Link!;
        var participantLink = (await api.Invite(camp.CampId, CampRole.Participant, maxUses: 60)).Link!;

        await using var participantContext = await fixture.NewContext(375, 740);
        var participant = await participantContext.NewPageAsync();
        await Join(participant, participantLink, "Zarina", camp.CampId);
        var participantPhase = participant.GetByTestId("phase-current");
        await Assertions.Expect(participantPhase).ToHaveAttributeAsync("data-phase", nameof(CampPhase.Draft), Patiently);
        await Assertions.Expect(participant.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", Patiently);
        // Marks this page load: a reload would lose it.
        await participant.EvaluateAsync("() => window.__sameLoad = true");

        await using var organizerContext = await fixture.NewContext();
        var organizer = await organizerContext.NewPageAsync();
        await Join(organizer, organizerLink, "Organizer Aziz", camp.CampId);
        await organizer.GotoAsync($"/camps/{camp.CampId}/organize");
        await organizer.GetByTestId("phase-to-Applications").ClickAsync();
        await Assertions.Expect(organizer.GetByTestId("phase-current")).ToHaveAttributeAsync("data-phase", nameof(CampPhase.Applications), Patiently);

        await Assertions.Expect(participantPhase).ToHaveAttributeAsync("data-phase", nameof(CampPhase.Applications), Patiently);
        Assert.True(await participant.EvaluateAsync<bool>("() => window.__sameLoad === true"));
        await Screenshot(participant, "camp-home-phone");
        await Screenshot(organizer, "organizer-console");
        await Accessibility.FitsWidth(participant, "The camp page on a 375px phone");
        await Accessibility.Check(participant, "the camp page after a live change");
        await Accessibility.Check(organizer, "the organizer console after a phase change");
    }

    /// <summary>Saves what the page shows when SI_SCREENSHOTS names a folder: for looking, not for asserting.</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SI_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    /// <summary>Accepts an invite the way a person does, and waits to land on the camp's page.</summary>
    private static async Task Join(IPage page, string link, string name, Guid campId)
    {
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByTestId("join-name")).ToBeVisibleAsync();
        await Accessibility.Check(page, "the join page");
        await page.GetByTestId("join-name").FillAsync(name);
        await page.GetByTestId("join-submit").ClickAsync();
        await page.WaitForURLAsync($"**/camps/{campId}");
    }
}
