using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Applications;

/// <summary>A reviewer's score (1–5) of an application against the camp's criteria, with notes.</summary>
[GenerateSerializer, Immutable]
public sealed record ReviewApplication(int Score, string Notes, string IdempotencyKey);

public sealed class ReviewApplicationValidator : AbstractValidator<ReviewApplication>
{
    public ReviewApplicationValidator()
    {
        RuleFor(r => r.Score).InclusiveBetween(1, 5);
        RuleFor(r => r.Notes).NotNull().MaximumLength(2000);
        RuleFor(r => r.IdempotencyKey).ValidIdempotencyKey();
    }
}
