using Microsoft.Playwright;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Intake;

/// <summary>
/// Two organizers with the same camp's selection page open: what one decides, the other sees at once
/// (the page watches the camp's <c>selection</c> stream), with no reload. Auto-waiting expectations only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveSelectionTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task An_application_accepted_by_one_organizer_shows_as_accepted_on_the_other_organizers_open_page()
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await Applicants.CampInSelection(fixture.Host, api);

        await using var aizhanContext = await fixture.NewContext();
        await using var zarinaContext = await fixture.NewContext();
        var aizhan = await OpenSelection(aizhanContext, (await api.Invite(camp.CampId, CampRole.Organizer)).Link!, "Organizer Aizhan", camp.CampId);
        var zarina = await OpenSelection(zarinaContext, (await api.Invite(camp.CampId, CampRole.Organizer)).Link!, "Organizer Zarina", camp.CampId);
        await Assertions.Expect(zarina.GetByTestId("application-Aida").GetByTestId("status")).ToHaveTextAsync("Submitted", Patiently);

        await aizhan.GetByTestId("application-Aida").GetByTestId("decide-Accepted").ClickAsync();
        await Assertions.Expect(aizhan.GetByTestId("application-Aida").GetByTestId("status")).ToHaveTextAsync("Accepted", Patiently);

        // Zarina never reloads: the row and the places both follow Aizhan's decision.
        await Assertions.Expect(zarina.GetByTestId("application-Aida").GetByTestId("status")).ToHaveTextAsync("Accepted", Patiently);
        await Assertions.Expect(zarina.GetByText("1 of 60 places offered or taken", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(zarina.GetByTestId("application-Timur").GetByTestId("status")).ToHaveTextAsync("Submitted");

        // And the other way round: Zarina waitlists Timur, Aizhan sees it.
        await zarina.GetByTestId("application-Timur").GetByTestId("decide-Waitlisted").ClickAsync();
        await Assertions.Expect(aizhan.GetByTestId("application-Timur").GetByTestId("status")).ToHaveTextAsync("Waitlisted", Patiently);
    }

    private static async Task<IPage> OpenSelection(IBrowserContext context, string link, string name, Guid campId)
    {
        var page = await Pages.JoinByInvite(context, link, name);
        await page.GotoAsync($"/camps/{campId}/selection");
        await Assertions.Expect(page.GetByTestId("applications")).ToContainTextAsync("Aida", new() { Timeout = 20_000 });
        return page;
    }
}
