using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Camps;

/// <summary>
/// Add a team working on one of the camp's themes. Team formation proper comes with intake; for now
/// organizers (and the demo seed) name teams directly.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AddTeam(string Name, string Theme, string IdempotencyKey);

public sealed class AddTeamValidator : AbstractValidator<AddTeam>
{
    public AddTeamValidator()
    {
        RuleFor(t => t.Name).NotEmpty().Length(2, 60).PlainText();
        RuleFor(t => t.Theme).NotEmpty().Length(2, 80).PlainText();
        RuleFor(t => t.IdempotencyKey).ValidIdempotencyKey();
    }
}
