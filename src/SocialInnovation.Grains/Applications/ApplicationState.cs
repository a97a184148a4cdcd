using SocialInnovation.Applications;
using SocialInnovation.Grains.Common;
using SocialInnovation.Mail;

namespace SocialInnovation.Grains.Applications;

[GenerateSerializer]
public sealed class ApplicationState
{
    [Id(0)] public Guid CampId { get; set; }
    [Id(1)] public string CampName { get; set; } = "";
    [Id(2)] public ApplicationForm? Form { get; set; }
    [Id(3)] public int Revision { get; set; }
    [Id(4)] public DateTimeOffset SubmittedAt { get; set; }
    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>SHA-256 of the current private link's secret; the secret itself is only ever mailed.</summary>
    [Id(6)] public string SecretHash { get; set; } = "";
    /// <summary>The public address the application came through, for links in later mails.</summary>
    [Id(7)] public string LinkBase { get; set; } = "";
    [Id(8)] public Dictionary<Guid, ReviewNote> Reviews { get; set; } = [];
    [Id(9)] public IdempotencyLog Applied { get; set; } = new();
    /// <summary>
    /// Mail stored with the change that caused it and handed to the outbox after the write: if that
    /// hand-over fails, the next call hands it over again (the outbox ignores a mail id it knows).
    /// </summary>
    [Id(10)] public List<OutgoingMail> Unsent { get; set; } = [];
    /// <summary>Decision notifications already mailed, so that a repeated one is mailed once.</summary>
    [Id(11)] public List<Guid> Notified { get; set; } = [];

    public bool Exists => Form is not null;
}
