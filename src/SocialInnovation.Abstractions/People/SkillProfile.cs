using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.People;

/// <summary>
/// What a person brings to a team, in their own words: country, skills (free tags) and languages. Kept on
/// the person (<see cref="IPersonGrain"/>), not in a camp's state. Participants who joined by an invite link
/// have no application, so this is the only thing team formation can mix them by; for those who applied it
/// replaces the application's answers once they save it.
/// </summary>
/// <param name="Version">0 while the person never saved one; +1 with every change.</param>
[GenerateSerializer, Immutable]
public sealed record SkillProfile(string? Country, IReadOnlyList<string> Skills, IReadOnlyList<string> Languages, int Version)
{
    public static readonly SkillProfile None = new(null, [], [], 0);
}

/// <summary>Sets the whole profile: sending it twice is sending it once, so it needs no idempotency key.</summary>
[GenerateSerializer, Immutable]
public sealed record SaveSkillProfile(string Country, IReadOnlyList<string> Skills, IReadOnlyList<string> Languages);

public sealed class SaveSkillProfileValidator : AbstractValidator<SaveSkillProfile>
{
    public SaveSkillProfileValidator()
    {
        RuleFor(p => p.Country).NotEmpty().Matches("^[A-Z]{2}$").WithText(Texts.ChooseCountry);
        RuleFor(p => p.Skills).NotNull().Must(s => s is { Count: >= 1 and <= 10 }).WithText(SkillProfileTexts.SkillsCount);
        RuleForEach(p => p.Skills).NotEmpty().Length(1, 40).PlainText();
        RuleFor(p => p.Languages).NotNull().Must(l => l is { Count: >= 1 and <= 8 }).WithText(Texts.ApplicantLanguagesCount);
        RuleForEach(p => p.Languages).NotEmpty().Length(2, 40).PlainText();
    }
}

public static class SkillProfileTexts
{
    public static readonly Text SkillsCount = new("Name between 1 and 10 skills.", "Укажите от 1 до 10 навыков.");
}
