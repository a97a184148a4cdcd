using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Camps;

/// <summary>
/// Create a camp. The camp's id is derived from the organizer and <see cref="IdempotencyKey"/>, so a
/// retried request finds the camp the first one made instead of making a second.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CreateCamp(CampDetails Details, string IdempotencyKey);

public sealed class CampDetailsValidator : AbstractValidator<CampDetails>
{
    public static readonly string[] KnownLanguages = ["en", "ru", "kk", "ky", "tg", "uz"];

    public CampDetailsValidator()
    {
        RuleFor(d => d.Name).NotEmpty().Length(3, 120).PlainText();
        RuleFor(d => d.Location).NotEmpty().Length(2, 120).PlainText();
        RuleFor(d => d.StartsOn).NotEmpty();
        RuleFor(d => d.EndsOn).NotEmpty()
            .GreaterThanOrEqualTo(d => d.StartsOn).WithText(Texts.CampEndsBeforeStart)
            .Must((d, end) => end.DayNumber - d.StartsOn.DayNumber <= 90)
            .WithText(Texts.CampTooLong);
        RuleFor(d => d.Capacity).InclusiveBetween(1, 10_000);
        RuleFor(d => d.Countries).NotNull().Must(c => c is { Count: >= 1 and <= 30 })
            .WithText(Texts.CountriesCount)
            .Must(c => c is null || c.Distinct(StringComparer.OrdinalIgnoreCase).Count() == c.Count)
            .WithText(Texts.CountriesTwice);
        RuleForEach(d => d.Countries).NotEmpty().Matches("^[A-Z]{2}$")
            .WithText(Texts.CountryCode);
        RuleFor(d => d.Languages).NotNull().Must(l => l is { Count: >= 1 and <= 6 })
            .WithText(Texts.LanguagesCount);
        RuleForEach(d => d.Languages).Must(l => KnownLanguages.Contains(l))
            .WithText(Texts.LanguagesKnown, string.Join(", ", KnownLanguages));
        RuleFor(d => d.Themes).NotNull().Must(t => t is { Count: <= 20 })
            .WithText(Texts.ThemesCount);
        RuleForEach(d => d.Themes).NotEmpty().Length(2, 80).PlainText();
    }
}

public sealed class CreateCampValidator : AbstractValidator<CreateCamp>
{
    public CreateCampValidator()
    {
        RuleFor(c => c.Details).NotNull().SetValidator(new CampDetailsValidator());
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}
