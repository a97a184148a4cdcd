using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Applications;

/// <summary>
/// What someone fills in to apply to a camp. No account is needed: the e-mail address names the
/// application, so applying again with the same address updates it instead of making a second one.
/// </summary>
/// <param name="Skills">Free tags, e.g. "design", "data".</param>
/// <param name="Languages">Languages the applicant speaks, e.g. en, ru, kk.</param>
/// <param name="Consent">Agreement to the camp's privacy text; required.</param>
/// <param name="MailLanguage">The language of every mail the applicant gets: en or ru.</param>
[GenerateSerializer, Immutable]
public sealed record ApplicationForm(
    string Name,
    string Email,
    string Country,
    string City,
    string Organisation,
    string Role,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Languages,
    string Motivation,
    string HeardFrom,
    bool Consent,
    string MailLanguage);

public sealed class ApplicationFormValidator : AbstractValidator<ApplicationForm>
{
    public static readonly string[] MailLanguages = ["en", "ru"];

    public ApplicationFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().Length(2, 80).PlainText();
        RuleFor(f => f.Email).NotEmpty().MaximumLength(254)
            .Must(e => e is null || EmailAddresses.IsPlausible(e)).WithText(Texts.NotAnEmail);
        RuleFor(f => f.Country).NotEmpty().Matches("^[A-Z]{2}$")
            .WithText(Texts.ChooseCountry);
        RuleFor(f => f.City).NotEmpty().Length(1, 80).PlainText();
        RuleFor(f => f.Organisation).MaximumLength(120).PlainText();
        RuleFor(f => f.Role).NotEmpty().Length(1, 80).PlainText();
        RuleFor(f => f.Skills).NotNull().Must(s => s is { Count: <= 10 }).WithText(Texts.SkillsCount);
        RuleForEach(f => f.Skills).NotEmpty().Length(1, 40).PlainText();
        RuleFor(f => f.Languages).NotNull().Must(l => l is { Count: >= 1 and <= 8 }).WithText(Texts.ApplicantLanguagesCount);
        RuleForEach(f => f.Languages).NotEmpty().Length(2, 40).PlainText();
        RuleFor(f => f.Motivation).NotEmpty().Length(20, 2000)
            .WithText(Texts.MotivationLength);
        RuleFor(f => f.HeardFrom).MaximumLength(120).PlainText();
        RuleFor(f => f.Consent).Equal(true).WithText(Texts.ConsentRequired);
        RuleFor(f => f.MailLanguage).Must(l => MailLanguages.Contains(l)).WithText(Texts.MailLanguage);
    }
}

public static class EmailAddresses
{
    /// <summary>
    /// One address, in the same form however it was typed: surrounding spaces dropped, lower case.
    /// (Mailbox names are case-sensitive in theory; no provider applicants use treats them so.)
    /// </summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Enough to catch typos; the mail itself is the real check.</summary>
    public static bool IsPlausible(string email)
    {
        var e = email.Trim();
        var at = e.IndexOf('@');
        return at > 0 && at == e.LastIndexOf('@') && at < e.Length - 3 && e.IndexOf('.', at) > at + 1
            && !e.Any(char.IsWhiteSpace) && !e.EndsWith('.');
    }
}
