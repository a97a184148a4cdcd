using Microsoft.Playwright;

namespace SocialInnovation.Browser.Tests;

/// <summary>
/// A finger on a touch screen, through Chromium's own touch input (DevTools protocol): the browser turns
/// it into pointer events itself and, like a phone, takes the gesture for scrolling unless the element
/// touched has <c>touch-action: none</c>. Needs a context made with touch (<see cref="BrowserFixture.NewContext"/>).
/// </summary>
public static class Touch
{
    /// <summary>Puts a finger on the middle of <paramref name="from"/>, moves it in steps to the middle of <paramref name="to"/> and lifts it.</summary>
    public static async Task Drag(IPage page, ILocator from, ILocator to, int steps = 12)
    {
        await from.ScrollIntoViewIfNeededAsync();
        var start = Middle((await from.BoundingBoxAsync())!);
        var end = await VisibleMiddle(page, to);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        try
        {
            await Send(cdp, "touchStart", start);
            for (var i = 1; i <= steps; i++)
                await Send(cdp, "touchMove", (start.X + (end.X - start.X) * i / steps, start.Y + (end.Y - start.Y) * i / steps));
            await cdp.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object> { ["type"] = "touchEnd", ["touchPoints"] = Array.Empty<object>() });
        }
        finally
        {
            await cdp.DetachAsync();
        }
    }

    /// <summary>The middle of the part of <paramref name="target"/> on the screen (a finger cannot reach the rest).</summary>
    private static async Task<(double X, double Y)> VisibleMiddle(IPage page, ILocator target)
    {
        var box = (await target.BoundingBoxAsync())!;
        var screen = page.ViewportSize!;
        var (top, bottom) = (Math.Max(box.Y, 0), Math.Min(box.Y + box.Height, screen.Height));
        if (bottom <= top) throw new InvalidOperationException("The drop target is off the screen: scroll it into view first.");
        return (box.X + box.Width / 2, (top + bottom) / 2);
    }

    private static (double X, double Y) Middle(LocatorBoundingBoxResult box) => (box.X + box.Width / 2, box.Y + box.Height / 2);

    private static Task Send(ICDPSession cdp, string type, (double X, double Y) at) =>
        cdp.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
        {
            ["type"] = type,
            ["touchPoints"] = new[] { new Dictionary<string, object> { ["x"] = at.X, ["y"] = at.Y, ["id"] = 1 } },
        });
}
