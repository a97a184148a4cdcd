using FluentValidation;
using SocialInnovation.Applications;
using SocialInnovation.Common;

namespace SocialInnovation.Selection;

/// <summary>
/// "Suggest selection": who would get the places if they were filled by score within the quotas, and
/// why each applicant is in, waitlisted or out. Computed, never stored; the organizer applies it (or
/// part of it) as ordinary decisions.
/// </summary>
/// <param name="PlacesHeld">Places already offered or confirmed; the suggestion keeps them.</param>
/// <param name="Shortfalls">The minimums the suggestion could not meet, and why: the quota that gives way.</param>
[GenerateSerializer, Immutable]
public sealed record SelectionSuggestion(
    int Capacity,
    int PlacesHeld,
    IReadOnlyList<SuggestedPlace> Applicants,
    IReadOnlyList<QuotaShortfall> Shortfalls,
    int SettingsVersion);

/// <param name="Rank">1 = best by the ranking rule (mean score, then more reviews, then who applied first).</param>
/// <param name="EntryVersion">The entry's version the suggestion was made from; applying it names this version.</param>
/// <param name="Quota">The quota that decided, for the quota reasons (a country's or another field's).</param>
[GenerateSerializer, Immutable]
public sealed record SuggestedPlace(
    Guid ApplicationId,
    string Name,
    string Country,
    double? Score,
    int Rank,
    ApplicationStatus Status,
    SuggestedOutcome Outcome,
    SuggestionReason Reason,
    int EntryVersion,
    QuotaKey? Quota);

/// <summary>Which quota: a field and its value (for a country, its code).</summary>
[GenerateSerializer, Immutable]
public sealed record QuotaKey(QuotaField Field, string Value);

public enum SuggestedOutcome { In, Waitlisted, Out }

/// <summary>What decided an applicant's place in the suggestion.</summary>
public enum SuggestionReason
{
    /// <summary>Already offered or confirmed a place; the suggestion never takes it back.</summary>
    AlreadyHolds,
    /// <summary>In to meet their country's minimum, ahead of better-scored applicants from elsewhere.</summary>
    CountryMinimum,
    /// <summary>In on their score.</summary>
    Score,
    /// <summary>Scored high enough, but their country's maximum is reached.</summary>
    CountryMaximum,
    /// <summary>In to meet another field's minimum (<see cref="SuggestedPlace.Quota"/> says which).</summary>
    FieldMinimum,
    /// <summary>Scored high enough, but another field's maximum is reached (<see cref="SuggestedPlace.Quota"/>).</summary>
    FieldMaximum,
    /// <summary>Below the cut-off: every place is filled by better-ranked applicants.</summary>
    BelowCutOff,
    /// <summary>Below the cut-off and beyond the waiting list's length.</summary>
    BeyondWaitlist,
}

/// <param name="Value">The country's code, or the other field's value.</param>
/// <param name="Reached">Places the quota gets in the suggestion.</param>
[GenerateSerializer, Immutable]
public sealed record QuotaShortfall(QuotaField Field, string Value, int Min, int Reached, ShortfallCause Cause);

public enum ShortfallCause
{
    /// <summary>The country has fewer eligible applicants than its minimum.</summary>
    TooFewApplicants,
    /// <summary>The minimums together need more places than the camp has; the lower-ranked quota's minimum gives way.</summary>
    NotEnoughPlaces,
    /// <summary>Every applicant left for this minimum is held back by another quota's maximum; the minimum gives way.</summary>
    MaximumElsewhere,
}

/// <summary>Decide several applications at once (e.g. apply a suggestion); one idempotency key for the batch.</summary>
[GenerateSerializer, Immutable]
public sealed record DecideMany(IReadOnlyList<DecisionItem> Decisions, string IdempotencyKey);

[GenerateSerializer, Immutable]
public sealed record DecisionItem(Guid ApplicationId, DecisionKind Decision, int BasedOnVersion);

/// <summary>What a batch did: the entries it changed, and each decision it refused with why.</summary>
[GenerateSerializer, Immutable]
public sealed record DecidedMany(IReadOnlyList<SelectionEntry> Decided, IReadOnlyList<RefusedDecision> Refused);

[GenerateSerializer, Immutable]
public sealed record RefusedDecision(Guid ApplicationId, string Name, string Code, string Detail);

public sealed class DecideManyValidator : AbstractValidator<DecideMany>
{
    public DecideManyValidator()
    {
        RuleFor(d => d.Decisions).NotNull().Must(d => d is { Count: >= 1 and <= 2000 }).WithText(Texts.DecisionsCount)
            .Must(d => d is null || d.Select(x => x.ApplicationId).Distinct().Count() == d.Count).WithText(Texts.DecisionTwice);
        RuleForEach(d => d.Decisions).ChildRules(i =>
        {
            i.RuleFor(x => x.ApplicationId).NotEmpty();
            i.RuleFor(x => x.Decision).IsInEnum();
            i.RuleFor(x => x.BasedOnVersion).GreaterThanOrEqualTo(0);
        });
        RuleFor(d => d.IdempotencyKey).ValidIdempotencyKey();
    }
}
