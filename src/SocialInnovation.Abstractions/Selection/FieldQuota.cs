using FluentValidation;
using SocialInnovation.Applications;
using SocialInnovation.Common;

namespace SocialInnovation.Selection;

/// <summary>A field of the application form a quota can count by. Country quotas are <see cref="CountryQuota"/>.</summary>
public enum QuotaField { Country, Role, Organisation, City }

/// <summary>
/// Minimum and maximum places for applicants whose <paramref name="Field"/> is <paramref name="Value"/>
/// (e.g. Role = "Student"; compared ignoring case and surrounding spaces, as applicants type it).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FieldQuota(QuotaField Field, string Value, int Min, int Max);

/// <summary>One quota of any field, as selection counts it: a country quota or a field quota.</summary>
[GenerateSerializer, Immutable]
public sealed record Quota(QuotaField Field, string Value, int Min, int Max)
{
    public bool Matches(ApplicationRow row) => string.Equals(Normalize(ValueOf(row, Field)), Normalize(Value), StringComparison.OrdinalIgnoreCase);

    public static string ValueOf(ApplicationRow row, QuotaField field) => field switch
    {
        QuotaField.Country => row.Country,
        QuotaField.Role => row.Role,
        QuotaField.Organisation => row.Organisation,
        _ => row.City,
    };

    public static string Normalize(string? value) => (value ?? "").Trim();

    /// <summary>Every quota of the settings, countries first.</summary>
    public static IReadOnlyList<Quota> All(SelectionSettings settings) =>
        settings.Quotas.Select(q => new Quota(QuotaField.Country, q.Country, q.Min, q.Max))
            .Concat((settings.FieldQuotas ?? []).Select(q => new Quota(q.Field, Normalize(q.Value), q.Min, q.Max)))
            .ToList();
}

/// <summary>How a field quota is doing: applications and places of its value.</summary>
[GenerateSerializer, Immutable]
public sealed record FieldQuotaCount(QuotaField Field, string Value, int Applications, int Taken, int Min, int Max);

public static class SelectionTexts
{
    public static readonly Text FieldQuotasCount = new("Set at most 30 quotas on other fields.", "Задайте не больше 30 квот по другим полям.");
    public static readonly Text FieldQuotaTwice = new("Each value of a field may have one quota.", "У каждого значения поля может быть только одна квота.");
    public static readonly Text FieldQuotaCountry = new("Country quotas are set per country above.", "Квоты по странам задаются выше, для каждой страны.");
    public static readonly Text Capacity = new("A camp has between 1 and 5,000 places.", "В кэмпе от 1 до 5000 мест.");
}

public sealed class FieldQuotaValidator : AbstractValidator<FieldQuota>
{
    public FieldQuotaValidator()
    {
        RuleFor(q => q.Field).IsInEnum().NotEqual(QuotaField.Country).WithText(SelectionTexts.FieldQuotaCountry);
        RuleFor(q => q.Value).NotEmpty().Length(1, 80).PlainText();
        RuleFor(q => q.Min).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Max).GreaterThanOrEqualTo(q => q.Min).WithText(Texts.QuotaMaxBelowMin);
    }
}
