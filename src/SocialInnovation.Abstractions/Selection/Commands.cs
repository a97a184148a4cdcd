using FluentValidation;
using SocialInnovation.Applications;
using SocialInnovation.Common;

namespace SocialInnovation.Selection;

/// <summary>
/// An organizer's decision on one application. <see cref="BasedOnVersion"/> is the entry's version the
/// organizer saw: if a colleague changed it meanwhile, the decision is refused instead of overwriting theirs.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Decide(Guid ApplicationId, DecisionKind Decision, int BasedOnVersion, string IdempotencyKey);

/// <summary>Change the intake settings; <see cref="BasedOnVersion"/> is the settings' version the organizer saw.</summary>
/// <param name="FieldQuotas">Quotas on other fields; null or empty for none.</param>
/// <param name="Capacity">The places to fill; null keeps the camp's capacity.</param>
[GenerateSerializer, Immutable]
public sealed record ConfigureSelection(
    string PrivacyText,
    int ConfirmWithinHours,
    IReadOnlyList<CountryQuota> Quotas,
    int BasedOnVersion,
    string IdempotencyKey,
    IReadOnlyList<FieldQuota>? FieldQuotas = null,
    int? Capacity = null);

public sealed class DecideValidator : AbstractValidator<Decide>
{
    public DecideValidator()
    {
        RuleFor(d => d.ApplicationId).NotEmpty();
        RuleFor(d => d.Decision).IsInEnum();
        RuleFor(d => d.BasedOnVersion).GreaterThanOrEqualTo(0);
        RuleFor(d => d.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class ConfigureSelectionValidator : AbstractValidator<ConfigureSelection>
{
    public ConfigureSelectionValidator()
    {
        RuleFor(c => c.PrivacyText).NotEmpty().Length(20, 4000);
        RuleFor(c => c.ConfirmWithinHours).InclusiveBetween(1, 24 * 30);
        RuleFor(c => c.Quotas).NotNull().Must(q => q is { Count: <= 30 }).WithText(Texts.QuotasCount)
            .Must(q => q is null || q.Select(x => x.Country).Distinct().Count() == q.Count).WithText(Texts.QuotaTwice);
        RuleForEach(c => c.Quotas).ChildRules(q =>
        {
            q.RuleFor(x => x.Country).NotEmpty().Matches("^[A-Z]{2}$");
            q.RuleFor(x => x.Min).GreaterThanOrEqualTo(0);
            q.RuleFor(x => x.Max).GreaterThanOrEqualTo(x => x.Min).WithText(Texts.QuotaMaxBelowMin);
        });
        RuleFor(c => c.FieldQuotas).Must(q => q is null or { Count: <= 30 }).WithText(SelectionTexts.FieldQuotasCount)
            .Must(q => q is null || q.Select(x => (x.Field, Quota.Normalize(x.Value).ToLowerInvariant())).Distinct().Count() == q.Count)
            .WithText(SelectionTexts.FieldQuotaTwice);
        RuleForEach(c => c.FieldQuotas).SetValidator(new FieldQuotaValidator());
        RuleFor(c => c.Capacity).InclusiveBetween(1, 5000).When(c => c.Capacity is not null).WithText(SelectionTexts.Capacity);
        RuleFor(c => c.BasedOnVersion).GreaterThanOrEqualTo(0);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}
