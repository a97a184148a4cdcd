using Microsoft.Playwright;

namespace SocialInnovation.Browser.Tests.Camps;

/// <summary>
/// A visitor who is not signed in asks for nothing they cannot have on the front and sign-in pages, and
/// the browser asks for no missing icon: the console stays clean (no 401 from asking who is signed in).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QuietConsoleTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_visitor_who_is_not_signed_in_opens_the_front_page_and_the_sign_in_page_with_a_clean_console()
    {
        await using var context = await fixture.NewContext(375, 740);
        var page = await context.NewPageAsync();
        var noise = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") noise.Add($"{message.Type}: {message.Text} ({message.Location})"); };
        page.PageError += (_, error) => noise.Add($"page error: {error}");
        page.Response += (_, response) => { if (response.Status >= 400) noise.Add($"{response.Status} {response.Url}"); };

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
}
