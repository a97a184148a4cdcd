using FluentValidation;

namespace SocialInnovation.Common;

/// <summary>Rules for the key a client attaches to a write it may retry.</summary>
public static class IdempotencyKey
{
    public const int MaxLength = 64;

    public static IRuleBuilderOptions<T, string> ValidIdempotencyKey<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithMessage("An idempotency key is required so that a retry is applied once.")
            .MaximumLength(MaxLength)
            .Matches("^[A-Za-z0-9_-]+$").WithMessage("An idempotency key may hold only letters, digits, '-' and '_'.");
}
