namespace SocialInnovation.Mail;

/// <summary>
/// Outgoing mail, stored before it is sent and sent until the SMTP server takes it: a mail that was
/// queued survives an SMTP outage and a restart. One outbox per camp (keyed by the camp id, "N" format),
/// so one camp's mail never waits behind another's.
/// </summary>
public interface IMailOutboxGrain : IGrainWithStringKey
{
    /// <summary>Stores the mail and answers; sending follows, retried with backoff. A mail id already queued or sent is ignored.</summary>
    Task Enqueue(OutgoingMail mail);

    Task<OutboxStatus> GetStatus();
}

[GenerateSerializer, Immutable]
public sealed record OutgoingMail(Guid MailId, string To, string ToName, string Subject, string Text);

[GenerateSerializer, Immutable]
public sealed record OutboxStatus(int Pending, int Sent, string? LastError);
