using Microsoft.Playwright;

namespace SocialInnovation.Browser.Tests;

/// <summary>
/// Every browser context records Content-Security-Policy violations from the page's first moment
/// (an init script, which the policy does not apply to); every page a test checks must have none.
/// </summary>
public static class ContentSecurity
{
    public const string Recorder = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile || 'page'}:${e.lineNumber})`));
        """;

    public static async Task AssertNone(IPage page, string what)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations ?? []");
        Assert.True(violations.Length == 0, $"Content-Security-Policy violations on {what}:\n{string.Join("\n", violations)}");
    }
}
