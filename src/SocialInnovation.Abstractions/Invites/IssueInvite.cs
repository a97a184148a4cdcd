using FluentValidation;
using SocialInnovation.Common;
using SocialInnovation.People;

namespace SocialInnovation.Invites;

/// <summary>
/// Create an invite link for a role in a camp. A link for one judge is used once; a link read out to a
/// room of participants may be used by many (<see cref="MaxUses"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IssueInvite(CampRole Role, string Label, int MaxUses, int ValidForHours, string IdempotencyKey);

public sealed class IssueInviteValidator : AbstractValidator<IssueInvite>
{
    public const int MaxValidForHours = 24 * 60;

    public IssueInviteValidator()
    {
        RuleFor(i => i.Role).IsInEnum();
        RuleFor(i => i.Label).NotEmpty().Length(1, 80).PlainText();
        RuleFor(i => i.MaxUses).InclusiveBetween(1, 1000);
        RuleFor(i => i.ValidForHours).InclusiveBetween(1, MaxValidForHours)
            .WithText(Texts.InviteValidFor, MaxValidForHours);
        RuleFor(i => i.IdempotencyKey).ValidIdempotencyKey();
    }
}

/// <summary>
/// A new invite. <see cref="Token"/> is shown once and stored only as a hash; it is null when a retried
/// request finds the invite already made (the organizer then revokes it and makes another).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record InviteIssued(InviteSummary Invite, string? Token);

[GenerateSerializer, Immutable]
public sealed record InviteSummary(
    Guid InviteId,
    Guid CampId,
    CampRole Role,
    string Label,
    int MaxUses,
    int Uses,
    DateTimeOffset ExpiresAt,
    bool Revoked,
    DateTimeOffset CreatedAt);
