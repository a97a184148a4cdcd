using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Applications;

/// <summary>
/// The public form's request. <see cref="Website"/> is a honeypot: the form hides it from people, so a
/// request that fills it in came from a bot and is refused.
/// </summary>
public sealed record SubmitApplication(ApplicationForm Form, string IdempotencyKey, string? Website = null);

public sealed class SubmitApplicationValidator : AbstractValidator<SubmitApplication>
{
    public SubmitApplicationValidator()
    {
        RuleFor(s => s.Form).NotNull().SetValidator(new ApplicationFormValidator());
        RuleFor(s => s.IdempotencyKey).ValidIdempotencyKey();
    }
}

/// <summary>
/// A private link's token: the application's id and a secret, <c>{id:N}.{secret}</c>. It is mailed to the
/// applicant and travels in request bodies only (in a page address it sits in the fragment).
/// </summary>
public static class ApplicationToken
{
    public const string Pattern = "^[0-9a-f]{32}\\.[A-Za-z0-9_-]{43}$";

    public static string Format(Guid applicationId, string secret) => $"{applicationId:N}.{secret}";

    public static (Guid ApplicationId, string Secret)? Parse(string? token)
    {
        if (token is null || !System.Text.RegularExpressions.Regex.IsMatch(token, Pattern)) return null;
        return (Guid.ParseExact(token[..32], "N"), token[33..]);
    }
}

/// <summary>Look at one's own application through the private link.</summary>
public sealed record OpenApplication(string Token);

/// <summary>Change one's application through the private link (while the camp takes applications).</summary>
public sealed record EditApplication(string Token, ApplicationForm Form, string IdempotencyKey);

/// <summary>Withdraw, confirm a place, or decline a place, through the private link.</summary>
public sealed record ApplicantAction(string Token, string IdempotencyKey);

public sealed class OpenApplicationValidator : AbstractValidator<OpenApplication>
{
    public OpenApplicationValidator() =>
        RuleFor(r => r.Token).NotEmpty().Matches(ApplicationToken.Pattern).WithText(Texts.NotAnApplicationLink);
}

public sealed class EditApplicationValidator : AbstractValidator<EditApplication>
{
    public EditApplicationValidator()
    {
        RuleFor(r => r.Token).NotEmpty().Matches(ApplicationToken.Pattern).WithText(Texts.NotAnApplicationLink);
        RuleFor(r => r.Form).NotNull().SetValidator(new ApplicationFormValidator());
        RuleFor(r => r.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class ApplicantActionValidator : AbstractValidator<ApplicantAction>
{
    public ApplicantActionValidator()
    {
        RuleFor(r => r.Token).NotEmpty().Matches(ApplicationToken.Pattern).WithText(Texts.NotAnApplicationLink);
        RuleFor(r => r.IdempotencyKey).ValidIdempotencyKey();
    }
}
