using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialInnovation.Camps;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Applications;

/// <summary>An applicant on a 375 px phone: the public form with errors in place, the mail, the private link.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApplicantJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_applicant_on_a_phone_applies_gets_the_mail_and_opens_the_private_link()
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp("SICamp Almaty");
        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        var email = $"aigerim.{Guid.NewGuid():N}@example.com";
        await using var context = await fixture.NewContext(375, 740);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/camps/{camp.CampId}/apply");
        await page.GetByTestId("apply-name").FillAsync("Aigerim Bekova");
        await page.GetByTestId("apply-email").FillAsync(email);
        await page.GetByTestId("apply-country").SelectOptionAsync("KZ");
        await page.GetByTestId("apply-city").FillAsync("Almaty");
        await page.GetByTestId("apply-role").FillAsync("Designer");
        await page.GetByTestId("apply-languages").FillAsync("kk, ru, en");
        await page.GetByTestId("apply-motivation").FillAsync("I want to make job offers for young people easier to find.");
        await Accessibility.Check(page, "the application form");
        await Accessibility.FitsWidth(page, "the application form");

        // Without consent the server refuses, and the error appears at the consent field.
        await page.GetByTestId("apply-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("apply-consent")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByTestId("apply-consent").CheckAsync();
        await page.GetByTestId("apply-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("apply-done")).ToContainTextAsync(email);

        var mail = (await Maildev.Shared.WaitFor(email))[0];
        var link = Regex.Match(mail.Text, @"https?://\S+/application#\S+").Value;
        await page.GotoAsync(new Uri(link).PathAndQuery + new Uri(link).Fragment);
        await Assertions.Expect(page.GetByTestId("mine-status")).ToContainTextAsync("Received");
        await Accessibility.Check(page, "the private application page");
        await Accessibility.FitsWidth(page, "the private application page");
    }
}
