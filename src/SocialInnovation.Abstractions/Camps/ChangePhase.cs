using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Camps;

/// <summary>
/// Move a camp to another phase. <see cref="From"/> is the phase the organizer saw: if someone else
/// moved the camp meanwhile, the request is refused instead of silently overwriting their change.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChangePhase(CampPhase From, CampPhase To, string IdempotencyKey);

public sealed class ChangePhaseValidator : AbstractValidator<ChangePhase>
{
    public ChangePhaseValidator()
    {
        RuleFor(c => c.From).IsInEnum();
        RuleFor(c => c.To).IsInEnum();
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}
