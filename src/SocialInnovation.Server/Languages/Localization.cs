using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace SocialInnovation.Server.Languages;

/// <summary>
/// Each request runs in the caller's language, from its Accept-Language header (the web app sends the
/// language it shows): FluentValidation's own messages and the project's texts then come back in it.
/// </summary>
public static class Localization
{
    /// <summary>The languages the web app and the server's messages are written in; English first, the fallback.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "ru"];

    public static IApplicationBuilder UsePlatformLocalization(this IApplicationBuilder app)
    {
        var cultures = Languages.Select(l => new CultureInfo(l)).ToList();
        return app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Languages[0]),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
            RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()],
        });
    }
}
