using SocialInnovation.Common;

namespace SocialInnovation.Applications;

/// <summary>
/// One applicant's application to one camp, keyed by an id derived from the camp and the normalized
/// e-mail address (<c>ApplicationIds.For</c>), so applying twice with one address reaches the same grain.
/// It keeps the form, the hash of the current private link's secret and the reviews. Its status
/// (waitlisted, accepted…) is the selection grain's: this grain calls only the camp and the mail outbox,
/// never the selection grain, so the two can never wait on each other.
/// </summary>
public interface IApplicationGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Creates or updates the application while the camp takes applications, makes a new private link
    /// (earlier links stop working) and queues the confirmation mail with it, all before answering.
    /// </summary>
    /// <param name="linkBase">The public address the private link starts with.</param>
    Task<Outcome<ApplicationRow>> Submit(Guid campId, ApplicationForm form, string idempotencyKey, string linkBase);

    /// <summary>The application, for the holder of the private link's secret.</summary>
    Task<Outcome<ApplicationView>> Open(string secret);

    /// <summary>Changes the application through the private link, while the camp takes applications.</summary>
    Task<Outcome<ApplicationRow>> Edit(string secret, ApplicationForm form, string idempotencyKey);

    /// <summary>The application's listing row, for the holder of the private link's secret.</summary>
    Task<Outcome<ApplicationRow>> Authenticate(string secret);

    /// <summary>The application with its reviews, for the camp's organizers; null when there is none.</summary>
    Task<ApplicationDetails?> GetDetails();

    /// <summary>
    /// Scores the application on the camp's criteria (one review per reviewer; scoring again replaces it).
    /// The scores must name exactly the camp's current criteria (<c>review.criteria</c> otherwise).
    /// </summary>
    Task<Outcome<ScoreSummary>> Review(Guid reviewerId, string reviewerName, ReviewApplication command);

    /// <summary>
    /// Mails a selection decision with a new private link. Sent once per <paramref name="notificationId"/>,
    /// however often it is asked.
    /// </summary>
    Task Notify(Guid notificationId, DecisionMail mail);

    /// <summary>Mails the applicant a new private link (the older stops working); once per <paramref name="notificationId"/>.</summary>
    Task ResendLink(Guid notificationId);
}

public enum ApplicationStatus { Submitted, Withdrawn, Waitlisted, Accepted, Rejected, Confirmed, Declined, Expired }

/// <summary>The few fields of an application the selection grain lists and filters by.</summary>
/// <param name="Revision">Counts the applicant's changes; the selection grain keeps the newest it saw.</param>
[GenerateSerializer, Immutable]
public sealed record ApplicationRow(
    Guid ApplicationId,
    Guid CampId,
    string Name,
    string Country,
    string City,
    string Organisation,
    string Role,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Languages,
    string MailLanguage,
    int Revision,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt);

[GenerateSerializer, Immutable]
public sealed record ApplicationView(
    Guid ApplicationId,
    Guid CampId,
    string CampName,
    ApplicationForm Form,
    int Revision,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt);

[GenerateSerializer, Immutable]
public sealed record ApplicationDetails(ApplicationView Application, IReadOnlyList<ReviewNote> Reviews, ScoreSummary Score);

/// <summary>One reviewer's review: <paramref name="Score"/> is the mean of their <paramref name="Criteria"/> scores.</summary>
/// <param name="Criteria">Each criterion's score (1–5); empty for a review given before criteria existed.</param>
[GenerateSerializer, Immutable]
public sealed record ReviewNote(Guid ReviewerId, string ReviewerName, double Score, string Notes, DateTimeOffset At,
    IReadOnlyList<CriterionScore>? Criteria = null);

/// <summary>
/// The reviewers' scores of one application: the mean over reviewers of each one's criterion mean, how
/// many reviewed, and how far apart they are (<see cref="Spread"/> = <see cref="Max"/> − <see cref="Min"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScoreSummary(double? Mean, int Count, double Spread, double? Min = null, double? Max = null)
{
    public static readonly ScoreSummary None = new(null, 0, 0);

    public static ScoreSummary Of(IEnumerable<double> scores)
    {
        var all = scores.ToList();
        return all.Count == 0
            ? None
            : new(Math.Round(all.Average(), 2), all.Count, Math.Round(all.Max() - all.Min(), 2), Math.Round(all.Min(), 2), Math.Round(all.Max(), 2));
    }
}

public enum DecisionKind { Accepted, Waitlisted, Rejected }

/// <summary>What a decision mail says; <see cref="ConfirmBy"/> is the deadline of an offered place.</summary>
[GenerateSerializer, Immutable]
public sealed record DecisionMail(DecisionKind Kind, DateTimeOffset? ConfirmBy);
