using System.Text.Json;
using Microsoft.Playwright;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests;

/// <summary>
/// axe-core (the web app's npm dev dependency) injected into a page: every page a browser test visits is
/// checked, and a serious or critical violation fails the test with the rule, its help and the elements.
/// </summary>
public static class Accessibility
{
    private static readonly Lazy<string> Script = new(() =>
    {
        var path = Path.Combine(Repo.Root, "src", "SocialInnovation.Web", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path)) throw new InvalidOperationException("axe-core is missing: run npm ci in src/SocialInnovation.Web.");
        return File.ReadAllText(path);
    });

    public static async Task Check(IPage page, string what)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            // Evaluated rather than added as an inline <script>, which the site's CSP rightly blocks.
            await page.EvaluateAsync(Script.Value);
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await window.axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        var violations = json.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"Accessibility violations on {what}:\n{string.Join("\n", violations)}");
        await ContentSecurity.AssertNone(page, what);
    }

    /// <summary>
    /// No visible word is split over two lines ("Co/un/try" in a table cell squeezed on a phone, "P83/6FT" on a
    /// big screen), unless the word is wider than its whole box.
    /// </summary>
    public static async Task WordsWhole(IPage page, string what)
    {
        var broken = await page.EvaluateAsync<string[]>("""
            () => {
              const broken = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                let box = node.parentElement;
                if (!box || box.closest('.visually-hidden, [aria-hidden=true], script, style') || !box.checkVisibility()) continue;
                while (getComputedStyle(box).display === 'inline' && box.parentElement) box = box.parentElement;
                for (const word of node.data.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
                  const range = document.createRange();
                  range.setStart(node, word.index);
                  range.setEnd(node, word.index + word[0].length);
                  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                  if (lines.size > 1 && range.getBoundingClientRect().width < box.clientWidth) broken.push(word[0]);
                }
              }
              return broken;
            }
            """);
        Assert.True(broken.Length == 0, $"{what} splits words over two lines: {string.Join(", ", broken.Take(10))}");
    }

    /// <summary>True when the page needs no horizontal scrolling at its current width.</summary>
    /// <remarks>
    /// Measured against the device's width, not <c>window.innerWidth</c>: a phone (a touch context is a mobile one)
    /// zooms out to show a page that is too wide, and its inner width then grows with the page, so the check passed a
    /// board 787px wide on a 375px phone.
    /// </remarks>
    public static async Task FitsWidth(IPage page, string what)
    {
        var width = page.ViewportSize?.Width ?? await page.EvaluateAsync<int>("() => window.innerWidth");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") - width;
        Assert.True(overflow <= 0, $"{what} is {overflow}px wider than the screen.");
    }
}
