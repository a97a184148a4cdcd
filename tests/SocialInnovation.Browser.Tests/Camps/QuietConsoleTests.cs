using Microsoft.Playwright;
using SocialInnovation.People;

namespace SocialInnovation.Browser.Tests.Camps;

/// <summary>
/// Normal states are not errors: a visitor who is not signed in asks for nothing they cannot have on the
/// front and sign-in pages (no 401 from asking who is signed in), the browser asks for no missing icon, the
/// organizer's judging page before judging is set up asks for no leaderboard (no 409), and a mentor who has
/// not filled in a profile yet gets a blank one (no 404): the console stays clean.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QuietConsoleTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    /// <summary>Every console error or warning, page error and failed response from now on.</summary>
    private static List<string> Noise(IPage page)
    {
        var noise = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") noise.Add($"{message.Type}: {message.Text} ({message.Location})"); };
        page.PageError += (_, error) => noise.Add($"page error: {error}");
        page.Response += (_, response) => { if (response.Status >= 400) noise.Add($"{response.Status} {response.Url}"); };
        return noise;
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_opens_the_front_page_and_the_sign_in_page_with_a_clean_console()
    {
        await using var context = await fixture.NewContext(375, 740);
        var page = await context.NewPageAsync();
        var noise = Noise(page);

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Organizer sign-in", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#app h1")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.GetByRole(AriaRole.Link, new() { Name = "Organizer sign-in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signin-key")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // A fresh load of the sign-in page (an organizer's bookmark) asks too.
        await page.GotoAsync("/signin");
        await Assertions.Expect(page.GetByTestId("signin-key")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(noise);
    }

    [Fact]
    public async Task The_organizer_opens_judging_before_it_is_set_up_and_a_mentor_without_a_profile_opens_their_page_with_a_clean_console()
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp("TechBootCamp Khujand");
        await using var laptop = await fixture.NewContext(1280, 800);
        await using var phone = await fixture.NewContext(375, 740);
        var firuza = await Pages.JoinByInvite(laptop, (await organizer.Invite(camp.CampId, CampRole.Organizer)).Link!, "Firuza");
        var farrukh = await Pages.JoinByInvite(phone, (await organizer.Invite(camp.CampId, CampRole.Mentor)).Link!, "Farrukh");
        var (organizerNoise, mentorNoise) = (Noise(firuza), Noise(farrukh));

        await firuza.GotoAsync($"/camps/{camp.CampId}/judging");
        await Assertions.Expect(firuza.GetByTestId("start-judging")).ToBeVisibleAsync(Patiently);
        await firuza.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await farrukh.GotoAsync($"/camps/{camp.CampId}/mentor");
        await Assertions.Expect(farrukh.GetByText("Fill in your profile first", new() { Exact = false })).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(farrukh.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });
        await farrukh.GotoAsync($"/camps/{camp.CampId}/mentoring");
        await Assertions.Expect(farrukh.GetByTestId("mentor-page-link")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(farrukh.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });

        Assert.Empty(organizerNoise);
        Assert.Empty(mentorNoise);
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_opens_members_only_pages_gets_the_sign_in_prompt_with_a_clean_console_and_comes_back_after_signing_in()
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp("TechBootCamp Kulob");
        await using var context = await fixture.NewContext(375, 740);
        var page = await context.NewPageAsync();
        var noise = Noise(page);

        foreach (var members in new[] { $"/camps/{camp.CampId}", $"/camps/{camp.CampId}/mentoring", $"/camps/{camp.CampId}/judging" })
        {
            await page.GotoAsync(members);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to open this page", Exact = true })).ToBeVisibleAsync(Patiently);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        Assert.Empty(noise);

        // The organizer signs in from the prompt, by keyboard, and lands on the page they asked for.
        await Pages.TabTo(page, "[data-testid=signin-needed-link]");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("signin-key").FillAsync(SocialInnovation.Testing.PlatformHost.OrganizerKey);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/camps/{camp.CampId}/judging");
        await Assertions.Expect(page.GetByTestId("start-judging")).ToBeVisibleAsync(Patiently);
    }
}
