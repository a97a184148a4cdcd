using Microsoft.Playwright;
using SocialInnovation.People;

namespace SocialInnovation.Browser.Tests.Camps;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_first_visit_follows_the_browsers_language()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Host.Address.ToString(), Locale = "ru-RU" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Проведите кэмп социальных инноваций");
        Assert.Equal("ru", await page.GetAttributeAsync("html", "lang"));
        await Accessibility.Check(page, "the welcome page in Russian");
    }

    [Fact]
    public async Task A_participant_who_switches_to_Russian_on_the_phone_sees_Russian_on_the_tablet_too()
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await api.CreateCamp("SICamp Osh");
        var link = (await api.Invite(camp.CampId, CampRole.Participant)).Link!;

        await using var phone = await fixture.NewContext(375, 740);
        var page = await Pages.JoinByInvite(phone, link, "Nurlan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Русский" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Текущий этап")).ToBeVisibleAsync();
        await Accessibility.Check(page, "the camp page in Russian");
        await Accessibility.FitsWidth(page, "the camp page in Russian on a 375px phone");

        // The tablet: the same person (same sign-in cookie), a browser set to English, nothing chosen on it.
        await using var tablet = await fixture.NewContext();
        await tablet.AddCookiesAsync((await phone.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var other = await tablet.NewPageAsync();
        await other.GotoAsync($"/camps/{camp.CampId}");
        await Assertions.Expect(other.GetByText("Текущий этап")).ToBeVisibleAsync();
        Assert.Equal("ru", await other.GetAttributeAsync("html", "lang"));
    }
}
