using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Audience;

public enum AudiencePollKind { PeoplesChoice, Question }

/// <summary>
/// Open an audience poll. A people's choice poll has the camp's teams as its options (<see cref="Options"/>
/// is ignored); a question has its own. Each voter picks up to <see cref="MaxChoices"/> options (1: a
/// single-choice poll). The poll's id follows from the camp and <see cref="IdempotencyKey"/>, so a retry
/// finds the poll (and the join code) it made.
/// </summary>
/// <param name="HideUntilReveal">The counts per option stay hidden (only the number of voters shows) until the organizer reveals them.</param>
/// <param name="RequireInvite">Only people signed in as members of the camp (through a camp invite) may vote; otherwise a device token is enough.</param>
[GenerateSerializer, Immutable]
public sealed record OpenAudiencePoll(
    string Title,
    AudiencePollKind Kind,
    IReadOnlyList<string>? Options,
    int MaxChoices,
    bool HideUntilReveal,
    bool RequireInvite,
    string IdempotencyKey);

/// <summary>
/// One audience member's vote: the options they pick (replacing their earlier pick). <see cref="DeviceToken"/>
/// is a random secret the phone keeps, one per device, so one device is one voter without an account;
/// <see cref="IdempotencyKey"/> is new per vote and repeated on every retry of it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CastAudienceVote(string DeviceToken, IReadOnlyList<string> Choices, string IdempotencyKey);

public sealed class OpenAudiencePollValidator : AbstractValidator<OpenAudiencePoll>
{
    public OpenAudiencePollValidator()
    {
        RuleFor(p => p.Title).NotEmpty().Length(2, 120).PlainText();
        RuleFor(p => p.Kind).IsInEnum();
        RuleFor(p => p.Options).Must(o => o is { Count: >= 2 and <= 50 }).When(p => p.Kind == AudiencePollKind.Question).WithText(Texts.PollOptionsCount)
            .Must(o => o is null || o.Distinct(StringComparer.OrdinalIgnoreCase).Count() == o.Count).WithText(Texts.PollOptionsTwice);
        RuleForEach(p => p.Options).NotEmpty().Length(1, 80).PlainText();
        RuleFor(p => p.MaxChoices).InclusiveBetween(1, 10);
        RuleFor(p => p.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class CastAudienceVoteValidator : AbstractValidator<CastAudienceVote>
{
    public CastAudienceVoteValidator()
    {
        // A random token of at least 96 bits, as the vote page makes (crypto.randomUUID without dashes is 32).
        RuleFor(v => v.DeviceToken).NotEmpty().Length(16, 64).Matches("^[A-Za-z0-9_-]+$");
        RuleFor(v => v.Choices).NotNull().Must(c => c is null || c.Count is >= 1 and <= 10).WithMessage("Pick 1 to 10 options.")
            .Must(c => c is null || c.Distinct().Count() == c.Count).WithMessage("Each option may be picked once.");
        RuleForEach(v => v.Choices).NotEmpty().MaximumLength(40);
        RuleFor(v => v.IdempotencyKey).ValidIdempotencyKey();
    }
}
