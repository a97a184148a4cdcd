using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Camps;

/// <summary>
/// Add themes to a camp's list (the problem statements that won the vote), so that teams can be added on
/// them. Themes already on the list are left as they are.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AdoptThemes(IReadOnlyList<string> Themes, string IdempotencyKey);

public sealed class AdoptThemesValidator : AbstractValidator<AdoptThemes>
{
    public AdoptThemesValidator()
    {
        RuleFor(a => a.Themes).NotNull().Must(t => t is { Count: >= 1 and <= 20 }).WithText(Texts.ThemesCount);
        RuleForEach(a => a.Themes).NotEmpty().Length(2, 80).PlainText();
        RuleFor(a => a.IdempotencyKey).ValidIdempotencyKey();
    }
}
