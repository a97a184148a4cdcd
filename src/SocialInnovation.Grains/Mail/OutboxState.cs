using SocialInnovation.Mail;

namespace SocialInnovation.Grains.Mail;

[GenerateSerializer]
public sealed class OutboxState
{
    /// <summary>How many sent mail ids are remembered to ignore a repeated enqueue.</summary>
    public const int RememberedSent = 500;

    [Id(0)] public List<PendingMail> Pending { get; set; } = [];
    [Id(1)] public List<Guid> RecentlySent { get; set; } = [];
    [Id(2)] public int SentCount { get; set; }
    [Id(3)] public string? LastError { get; set; }

    public bool Knows(Guid mailId) => Pending.Exists(p => p.Mail.MailId == mailId) || RecentlySent.Contains(mailId);

    public void MarkSent(PendingMail mail)
    {
        Pending.Remove(mail);
        RecentlySent.Add(mail.Mail.MailId);
        if (RecentlySent.Count > RememberedSent) RecentlySent.RemoveRange(0, RecentlySent.Count - RememberedSent);
        SentCount++;
    }
}

[GenerateSerializer]
public sealed class PendingMail
{
    [Id(0)] public required OutgoingMail Mail { get; set; }
    [Id(1)] public int Attempts { get; set; }
    [Id(2)] public DateTimeOffset NextAttemptAt { get; set; }
}
