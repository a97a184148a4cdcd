using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Awards;

public enum AwardKind { TrackWinner, PeoplesChoice, BestPrototype, Custom }

public enum RevealOrder { LastToFirst, AllAtOnce }

/// <param name="TrackId">The track a <see cref="AwardKind.TrackWinner"/> award is for (a track id of the judging setup).</param>
[GenerateSerializer, Immutable]
public sealed record Award(AwardKind Kind, string Title, Guid TeamId, string? TrackId);

[GenerateSerializer, Immutable]
public sealed record MiniGrant(Guid TeamId, decimal Amount);

/// <summary>
/// The organizer's draft of the results: awards, the mini-grant pool and its split, the audience poll that
/// counts as the people's choice (its share is the judging setup's audience weight) and how the big screen
/// reveals the ranking. Based on the draft's version, refused once published (withdraw the publication first).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SaveResults(
    IReadOnlyList<Award> Awards,
    decimal GrantPool,
    string Currency,
    IReadOnlyList<MiniGrant> Grants,
    Guid? AudiencePollId,
    RevealOrder Reveal,
    long BasedOnVersion,
    string IdempotencyKey);

/// <summary>Publish the results (everyone may see them from then on), or withdraw them (<paramref name="Publish"/> false) to correct the draft.</summary>
[GenerateSerializer, Immutable]
public sealed record PublishResults(bool Publish, string IdempotencyKey);

public sealed class SaveResultsValidator : AbstractValidator<SaveResults>
{
    public SaveResultsValidator()
    {
        RuleFor(r => r.Awards).NotNull().Must(a => a is null || a.Count <= 50).WithMessage("At most 50 awards.");
        RuleForEach(r => r.Awards).ChildRules(a =>
        {
            a.RuleFor(x => x.Kind).IsInEnum();
            a.RuleFor(x => x.Title).NotEmpty().Length(2, 80).PlainText();
            a.RuleFor(x => x.TeamId).NotEmpty();
            a.RuleFor(x => x.TrackId).NotEmpty().When(x => x.Kind == AwardKind.TrackWinner).WithMessage("A track winner names its track.");
        });
        RuleFor(r => r.GrantPool).InclusiveBetween(0m, 1_000_000_000m);
        RuleFor(r => r.Currency).NotEmpty().Length(1, 8).Matches("^[A-Za-z$€₽₸£¥]+$");
        RuleFor(r => r.Grants).NotNull().Must(g => g is null || g.Count <= 50).WithMessage("At most 50 mini-grants.")
            .Must(g => g is null || g.Select(x => x.TeamId).Distinct().Count() == g.Count).WithMessage("Each team gets at most one mini-grant.");
        RuleForEach(r => r.Grants).ChildRules(g =>
        {
            g.RuleFor(x => x.TeamId).NotEmpty();
            g.RuleFor(x => x.Amount).GreaterThanOrEqualTo(0m).PrecisionScale(14, 2, true);
        });
        RuleFor(r => r.Reveal).IsInEnum();
        RuleFor(r => r.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class PublishResultsValidator : AbstractValidator<PublishResults>
{
    public PublishResultsValidator() => RuleFor(r => r.IdempotencyKey).ValidIdempotencyKey();
}
