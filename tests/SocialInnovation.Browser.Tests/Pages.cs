using Microsoft.Playwright;

namespace SocialInnovation.Browser.Tests;

/// <summary>The steps many journeys share: joining a camp through an invite link, reaching a control by Tab, checking a page.</summary>
public static class Pages
{
    /// <summary>Opens the invite link in a new page of <paramref name="context"/>, types the name and joins; the page ends on the camp.</summary>
    public static async Task<IPage> JoinByInvite(IBrowserContext context, string link, string name)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await page.GetByTestId("join-name").FillAsync(name);
        await page.GetByTestId("join-submit").ClickAsync();
        await page.WaitForURLAsync("**/camps/*");
        return page;
    }

    /// <summary>The same with the keyboard alone: Tab to the name, type it, Enter.</summary>
    public static async Task JoinByKeyboard(IPage page, string link, string name)
    {
        await page.GotoAsync(link);
        await TabTo(page, "[data-testid=join-name]");
        await page.Keyboard.TypeAsync(name);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/camps/*");
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has focus (a bounded number of times).</summary>
    public static async Task TabTo(IPage page, string selector)
    {
        await page.Locator(selector).First.WaitForAsync(new() { Timeout = 20_000 });
        for (var i = 0; i < 120; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"Tab never reached {selector} on {page.Url}");
    }

    /// <summary>A participant joins a team through the API with the page's own cookies (as the team page's button does).</summary>
    public static async Task JoinTeam(IPage page, Guid campId, Guid teamId)
    {
        var joined = await page.APIRequest.PostAsync($"/api/camps/{campId}/teams/{teamId}/join",
            new APIRequestContextOptions { DataObject = new { idempotencyKey = Guid.NewGuid().ToString("N") } });
        Assert.True(joined.Ok, await joined.TextAsync());
    }

    /// <summary>Opens a live page and waits until its hub connection is up.</summary>
    public static async Task OpenLive(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });
    }

    /// <summary>Every page of <paramref name="context"/> opens in Russian, as after choosing it in the language menu.</summary>
    public static Task InRussian(IBrowserContext context) => context.AddInitScriptAsync("localStorage.setItem('lang', 'ru')");

    /// <summary>axe-core finds nothing serious, and the page needs no sideways scrolling at its width.</summary>
    public static async Task Checked(IPage page, string what)
    {
        await Accessibility.Check(page, what);
        await Accessibility.FitsWidth(page, what);
    }
}
