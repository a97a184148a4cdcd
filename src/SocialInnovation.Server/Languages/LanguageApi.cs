using Microsoft.AspNetCore.Http.HttpResults;
using FluentValidation;
using SocialInnovation.Common;
using SocialInnovation.People;
using SocialInnovation.Server.Access;

namespace SocialInnovation.Server.Languages;

/// <summary>The language a person reads the app in, kept on the person so their phone and tablet agree.</summary>
public static class LanguageApi
{
    public static RouteGroupBuilder MapLanguageApi(this RouteGroupBuilder api)
    {
        api.MapPut("/me/language", SetLanguage).SignedIn().WithTags("Session").WithSummary("Choose the app's language");
        return api;
    }

    private static async Task<NoContent> SetLanguage(ChooseLanguage request, HttpContext http, IGrainFactory grains)
    {
        await grains.GetGrain<IPersonGrain>(http.Caller().PersonId).SetLanguage(request.Language);
        return TypedResults.NoContent();
    }
}

/// <param name="Language">One of <see cref="Localization.Languages"/>.</param>
public sealed record ChooseLanguage(string Language);

public sealed class ChooseLanguageValidator : AbstractValidator<ChooseLanguage>
{
    public ChooseLanguageValidator()
    {
        RuleFor(r => r.Language).NotEmpty().Must(l => Localization.Languages.Contains(l))
            .WithMessage(_ => Texts.For(Texts.UnknownLanguage));
    }
}
