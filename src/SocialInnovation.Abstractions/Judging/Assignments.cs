using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Judging;

/// <summary>
/// The organizer moves a team between judges. <see cref="To"/> is sent that team next (a pin, ahead of what
/// the assignment would choose); <see cref="From"/> is kept off it from now on and the organizer sees why.
/// Either may be null: a pin alone, or taking a team away alone. Pinning a judge to a team they were moved
/// off undoes that move.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AssignTeam(Guid TeamId, Guid? From, Guid? To, string IdempotencyKey);

/// <summary>A judge and a team the organizer decided about: pinned to them, or moved away from them.</summary>
[GenerateSerializer, Immutable]
public sealed record Assignment(Guid JudgeId, Guid TeamId, DateTimeOffset At);

public sealed class AssignTeamValidator : AbstractValidator<AssignTeam>
{
    public AssignTeamValidator()
    {
        RuleFor(a => a.TeamId).NotEmpty();
        RuleFor(a => a).Must(a => a.From is not null || a.To is not null).WithName("to")
            .WithMessage("Name the judge who gets the team, the judge who no longer does, or both.");
        RuleFor(a => a.To).Must((a, to) => to is null || to != a.From).WithMessage("Moving a team to the judge who has it changes nothing.");
        RuleFor(a => a.IdempotencyKey).ValidIdempotencyKey();
    }
}
