using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Mail;
using SocialInnovation.Mail;
using SocialInnovation.Selection;

namespace SocialInnovation.Grains.Applications;

/// <summary>
/// One application. Commands validate, check the camp's phase, store, then hand their mail to the
/// outbox before answering: an acknowledged application has its confirmation mail safely queued.
/// </summary>
public sealed class ApplicationGrain(
    [PersistentState("application", StorageNames.State)] IPersistentState<ApplicationState> state,
    TimeProvider clock) : Grain, IApplicationGrain
{
    private static readonly ApplicationFormValidator FormRules = new();
    private static readonly ReviewApplicationValidator ReviewRules = new();

    private ApplicationState App => state.State;

    private Guid Id => this.GetPrimaryKey();

    public async Task<Outcome<ApplicationRow>> Submit(Guid campId, ApplicationForm form, string idempotencyKey, string linkBase)
    {
        if (Validate(form) is { } invalid) return invalid;
        if (ApplicationIds.For(campId, form.Email) != Id) return EmailFixed();
        await HandOverMail();
        var fingerprint = $"submit:{Fingerprint(form)}";
        if (Replay(idempotencyKey, fingerprint) is { } replayed) return replayed.Error is null ? Row() : replayed.Error;
        if (await OpenCamp(campId, form) is { } closed) return closed;

        var now = clock.GetUtcNow();
        if (!App.Exists) App.SubmittedAt = now;
        App.CampId = campId;
        App.LinkBase = linkBase.TrimEnd('/');
        Apply(form, now);
        var link = NewLink();
        var (subject, text) = MailTemplates.Received(form.MailLanguage, form.Name, App.CampName, link);
        App.Unsent.Add(new OutgoingMail(Guid.NewGuid(), form.Email.Trim(), form.Name, subject, text));
        App.Applied.Remember(idempotencyKey, fingerprint, App.Revision);
        await state.Store(this);
        await HandOverMail();
        return Row();
    }

    public Task<Outcome<ApplicationView>> Open(string secret) =>
        Task.FromResult(Holds(secret) ? Outcome<ApplicationView>.Ok(View()) : LinkInvalid());

    public async Task<Outcome<ApplicationRow>> Edit(string secret, ApplicationForm form, string idempotencyKey)
    {
        if (!Holds(secret)) return LinkInvalid();
        if (Validate(form) is { } invalid) return invalid;
        if (ApplicationIds.For(App.CampId, form.Email) != Id) return EmailFixed();
        var fingerprint = $"edit:{Fingerprint(form)}";
        if (Replay(idempotencyKey, fingerprint) is { } replayed) return replayed.Error is null ? Row() : replayed.Error;
        if (await OpenCamp(App.CampId, form) is { } closed) return closed;

        Apply(form, clock.GetUtcNow());
        App.Applied.Remember(idempotencyKey, fingerprint, App.Revision);
        await state.Store(this);
        return Row();
    }

    public Task<Outcome<ApplicationRow>> Authenticate(string secret) =>
        Task.FromResult(Holds(secret) ? Outcome<ApplicationRow>.Ok(Row()) : LinkInvalid());

    public Task<ApplicationDetails?> GetDetails() => Task.FromResult(App.Exists
        ? new ApplicationDetails(View(), App.Reviews.Values.OrderBy(r => r.At).ToList(), Score())
        : null);

    public async Task<Outcome<ScoreSummary>> Review(Guid reviewerId, string reviewerName, ReviewApplication command)
    {
        if (CommandCheck.Refusal(ReviewRules, command) is { } invalid) return invalid;
        if (!App.Exists) return DomainError.NotFound("application.unknown", "There is no such application.");
        var scores = command.Scores.OrderBy(s => s.CriterionId, StringComparer.Ordinal).ToList();
        var fingerprint = $"review:{reviewerId}:{string.Join(",", scores.Select(s => $"{s.CriterionId}={s.Score}"))}:{Secrets.Hash(command.Notes)}";
        if (Replay(command.IdempotencyKey, fingerprint) is { } replayed) return replayed.Error is null ? Score() : replayed.Error;
        var criteria = await GrainFactory.GetGrain<ISelectionCriteriaGrain>(App.CampId).Get();
        if (!criteria.Criteria.Select(c => c.Id).Order(StringComparer.Ordinal).SequenceEqual(scores.Select(s => s.CriterionId)))
            return DomainError.Conflict("review.criteria",
                $"Score every criterion of this camp once: {string.Join(", ", criteria.Criteria.Select(c => c.Name))}. The list may have changed meanwhile.");

        var mean = Math.Round(scores.Average(s => s.Score), 2);
        App.Reviews[reviewerId] = new ReviewNote(reviewerId, reviewerName, mean, command.Notes, clock.GetUtcNow(), command.Scores.ToList());
        App.Applied.Remember(command.IdempotencyKey, fingerprint, App.Revision);
        await state.Store(this);
        return Score();
    }

    public async Task Notify(Guid notificationId, DecisionMail mail)
    {
        await HandOverMail();
        if (!App.Exists || App.Notified.Contains(notificationId)) return;
        var form = App.Form!;
        var (subject, text) = MailTemplates.Decision(form.MailLanguage, form.Name, App.CampName, NewLink(), mail);
        App.Unsent.Add(new OutgoingMail(notificationId, form.Email.Trim(), form.Name, subject, text));
        App.Notified.Add(notificationId);
        if (App.Notified.Count > 50) App.Notified.RemoveAt(0);
        await state.Store(this);
        await HandOverMail();
    }

    public async Task ResendLink(Guid notificationId)
    {
        await HandOverMail();
        if (!App.Exists || App.Notified.Contains(notificationId)) return;
        var form = App.Form!;
        var (subject, text) = MailTemplates.Link(form.MailLanguage, form.Name, App.CampName, NewLink());
        App.Unsent.Add(new OutgoingMail(notificationId, form.Email.Trim(), form.Name, subject, text));
        App.Notified.Add(notificationId);
        if (App.Notified.Count > 50) App.Notified.RemoveAt(0);
        await state.Store(this);
        await HandOverMail();
    }

    /// <summary>Null when the camp takes applications from this country now; otherwise why not.</summary>
    private async Task<DomainError?> OpenCamp(Guid campId, ApplicationForm form)
    {
        if (await GrainFactory.GetGrain<ICampGrain>(campId).GetSnapshot() is not { } camp) return DomainError.UnknownCamp;
        if (camp.Phase != CampPhase.Applications)
            return DomainError.Conflict("application.closed",
                $"{camp.Details.Name} is not taking applications: it is in the {camp.Phase} phase.");
        if (!camp.Details.Countries.Contains(form.Country))
            return new DomainError(ErrorKind.Invalid, "validation", "One or more fields are not valid.",
                new() { ["Form.Country"] = [$"This camp takes applicants from {string.Join(", ", camp.Details.Countries)}."] });
        App.CampName = camp.Details.Name;
        return null;
    }

    private void Apply(ApplicationForm form, DateTimeOffset now)
    {
        App.Form = form with { Email = form.Email.Trim(), Name = form.Name.Trim() };
        App.Revision++;
        App.UpdatedAt = now;
    }

    /// <summary>A new private link; the one before it stops working.</summary>
    private string NewLink()
    {
        var secret = Secrets.NewToken();
        App.SecretHash = Secrets.Hash(secret);
        return $"{App.LinkBase}/application#{ApplicationToken.Format(Id, secret)}";
    }

    private async Task HandOverMail()
    {
        if (App.Unsent.Count == 0) return;
        var outbox = GrainFactory.GetGrain<IMailOutboxGrain>(App.CampId.ToString("N"));
        foreach (var mail in App.Unsent) await outbox.Enqueue(mail);
        App.Unsent.Clear();
        await state.Store(this);
    }

    private bool Holds(string secret) =>
        App.Exists && App.SecretHash.Length > 0
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Secrets.Hash(secret)), Encoding.ASCII.GetBytes(App.SecretHash));

    private ApplicationRow Row()
    {
        var f = App.Form!;
        return new ApplicationRow(Id, App.CampId, f.Name, f.Country, f.City, f.Organisation, f.Role, f.Skills, f.Languages,
            f.MailLanguage, App.Revision, App.SubmittedAt, App.UpdatedAt);
    }

    private ApplicationView View() => new(Id, App.CampId, App.CampName, App.Form!, App.Revision, App.SubmittedAt, App.UpdatedAt);

    private ScoreSummary Score() => ScoreSummary.Of(App.Reviews.Values.Select(r => r.Score));

    private Outcome<bool>? Replay(string key, string fingerprint) => App.Applied.Find(key) switch
    {
        null => null,
        { Fingerprint: var f } when f == fingerprint => Outcome<bool>.Ok(true),
        _ => DomainError.Conflict("idempotency.reused", "This idempotency key was already used for a different request."),
    };

    private static DomainError? Validate(ApplicationForm? form)
    {
        if (form is null) return new DomainError(ErrorKind.Invalid, "validation", "The request is empty.");
        var result = FormRules.Validate(form);
        return result.IsValid ? null : DomainError.Invalid(result);
    }

    private static string Fingerprint(ApplicationForm form) => Secrets.Hash(JsonSerializer.Serialize(form));

    private static DomainError LinkInvalid() => DomainError.NotFound("application.link-invalid",
        "This link does not open an application: a newer link may have been mailed to you since.");

    private static DomainError EmailFixed() => DomainError.Conflict("application.email-fixed",
        "An application's e-mail address cannot change; apply again with the other address instead.");
}
