using FluentValidation;

namespace SocialInnovation.Common;

/// <summary>Rules for the key a client attaches to a write it may retry.</summary>
public static class IdempotencyKey
{
    public const int MaxLength = 64;

    public static IRuleBuilderOptions<T, string> ValidIdempotencyKey<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithText(Texts.IdempotencyKeyRequired)
            .MaximumLength(MaxLength)
            .Matches("^[A-Za-z0-9_-]+$").WithText(Texts.IdempotencyKeyCharacters);
}
