using MailKit.Net.Smtp;
using MimeKit;
using SocialInnovation.Grains.Mail;
using SocialInnovation.Mail;

namespace SocialInnovation.Server.Mail;

/// <summary>Sends one mail per connection through MailKit. The outbox grain retries when this throws.</summary>
public sealed class SmtpMailTransport(MailSettings settings) : IMailTransport
{
    /// <summary>A hung server must not hold the outbox grain for long: it retries later instead.</summary>
    private const int TimeoutMs = 10_000;

    public async Task Send(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            // Stable per mail, so a mail sent twice (see MailOutboxGrain) can be told apart from two mails.
            MessageId = $"{mail.MailId:N}@socialinnovation",
            Body = new TextPart("plain") { Text = mail.Text },
        };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));

        using var client = new SmtpClient { Timeout = TimeoutMs };
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
        if (settings.User is { Length: > 0 }) await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
