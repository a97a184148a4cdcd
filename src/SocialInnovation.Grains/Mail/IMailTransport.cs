using SocialInnovation.Mail;

namespace SocialInnovation.Grains.Mail;

/// <summary>Hands one mail to the SMTP server; throws when it cannot. The host provides it (MailKit); tests fake it.</summary>
public interface IMailTransport
{
    Task Send(OutgoingMail mail, CancellationToken cancellationToken);
}
