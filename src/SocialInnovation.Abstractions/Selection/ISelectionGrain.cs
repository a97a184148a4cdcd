using SocialInnovation.Applications;
using SocialInnovation.Common;

namespace SocialInnovation.Selection;

/// <summary>
/// One camp's intake: its settings (privacy text, quotas, confirmation deadline), the listing row of
/// every application, and the selection decisions. Keyed by the camp id. Applications themselves live in
/// their own grains; this grain holds only what the organizer's table lists, so a camp with 1,000
/// applications does not make the camp grain's writes any larger. It owns the camp's
/// <c>selection:&lt;camp&gt;</c> stream: an <c>entry</c> event (the changed <see cref="SelectionEntry"/>) for
/// every new application, score, decision, confirmation, withdrawal, expiry and promotion, and a
/// <c>settings</c> event (<see cref="SelectionSettings"/>) when the quotas or capacity change.
/// </summary>
public interface ISelectionGrain : IGrainWithGuidKey, SocialInnovation.Live.IStreamOwnerGrain
{
    /// <summary>Adds or updates an application's row; an application withdrawn and submitted again is back in.</summary>
    Task<Outcome<SelectionEntry>> Record(ApplicationRow row);

    Task<Outcome<SelectionEntry>> RecordScore(Guid applicationId, ScoreSummary score);

    Task<SelectionSettings> GetSettings();

    Task<Outcome<SelectionSettings>> Configure(ConfigureSelection command);

    Task<SelectionOverview> GetOverview();

    Task<IReadOnlyList<SelectionEntry>> List(SelectionFilter filter);

    Task<SelectionEntry?> Get(Guid applicationId);

    /// <summary>Accept (to capacity and quotas), waitlist or reject one application; mailed to the applicant.</summary>
    Task<Outcome<SelectionEntry>> Decide(Decide command);

    /// <summary>Decides several applications with one write; each is checked as <see cref="Decide"/> would, in order.</summary>
    Task<Outcome<DecidedMany>> DecideMany(DecideMany command);

    /// <summary>Fills the places by score within the quotas (see SelectionPlanner) and says why for each applicant; changes nothing.</summary>
    Task<SelectionSuggestion> Suggest(int waitlistSize);

    /// <summary>The applicant withdraws; a place they were offered goes to the waitlist.</summary>
    Task<Outcome<SelectionEntry>> Withdraw(Guid applicationId, string idempotencyKey);

    /// <summary>The applicant takes the place they were offered; they become a participant.</summary>
    Task<Outcome<SelectionEntry>> Confirm(Guid applicationId);

    /// <summary>The applicant turns the place down; the best waitlisted applicant who keeps the quotas is offered it.</summary>
    Task<Outcome<SelectionEntry>> Decline(Guid applicationId, string idempotencyKey);
}

/// <summary>One application as the selection sees it.</summary>
/// <param name="Version">Counts every change of this entry; a decision names the version it was based on.</param>
/// <param name="ConfirmBy">The deadline of an offered place.</param>
/// <param name="Note">Why the entry is where it is when the system moved it (a promotion, an expiry).</param>
[GenerateSerializer, Immutable]
public sealed record SelectionEntry(
    ApplicationRow Application,
    ApplicationStatus Status,
    ScoreSummary Score,
    int Version,
    DateTimeOffset? ConfirmBy,
    DateTimeOffset? WaitlistedAt,
    string? Note);

/// <param name="PrivacyText">What the applicant consents to; shown on the form.</param>
/// <param name="ConfirmWithinHours">How long an accepted applicant has to confirm.</param>
/// <param name="Quotas">Optional per-country minimum and maximum of places.</param>
/// <param name="FieldQuotas">Optional minimum and maximum per value of another field (role, organisation, city).</param>
/// <param name="Capacity">The places to fill; null means the camp's capacity.</param>
[GenerateSerializer, Immutable]
public sealed record SelectionSettings(
    string PrivacyText,
    int ConfirmWithinHours,
    IReadOnlyList<CountryQuota> Quotas,
    int Version,
    IReadOnlyList<FieldQuota> FieldQuotas,
    int? Capacity)
{
    public const string DefaultPrivacyText =
        "The organizers use the data in this form to select participants and to contact you about this camp. " +
        "It is kept until the camp is archived and is not shared with anyone else.";

    public static readonly SelectionSettings Default = new(DefaultPrivacyText, 72, [], 0, [], null);
}

[GenerateSerializer, Immutable]
public sealed record CountryQuota(string Country, int Min, int Max);

[GenerateSerializer, Immutable]
public sealed record SelectionOverview(
    int Capacity,
    int PlacesTaken,
    SelectionSettings Settings,
    IReadOnlyList<CountryCount> Countries,
    IReadOnlyDictionary<ApplicationStatus, int> ByStatus,
    IReadOnlyList<FieldQuotaCount> Fields);

/// <param name="Taken">Accepted (awaiting confirmation) plus confirmed.</param>
[GenerateSerializer, Immutable]
public sealed record CountryCount(string Country, int Applications, int Taken, int? Min, int? Max);

/// <summary>The <c>selection:&lt;camp&gt;</c> stream's snapshot: every entry (oldest application first) and the settings.</summary>
[GenerateSerializer, Immutable]
public sealed record SelectionLive(Guid CampId, IReadOnlyList<SelectionEntry> Entries, SelectionSettings Settings);

[GenerateSerializer, Immutable]
public sealed record SelectionFilter(string? Country = null, ApplicationStatus? Status = null, string? Skill = null, double? MinScore = null);
