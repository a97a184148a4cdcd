using MailKit.Security;

namespace SocialInnovation.Server.Mail;

/// <summary>
/// The SMTP server outgoing mail goes through (<c>Mail:*</c>). The defaults reach the maildev that
/// deploy/run.sh starts on this machine.
/// </summary>
public sealed class MailSettings
{
    public string Host { get; init; } = "localhost";
    public int Port { get; init; } = 1025;
    public string? User { get; init; }
    public string? Password { get; init; }
    /// <summary>The sender, e.g. <c>SocialInnovation &lt;camps@example.org&gt;</c>.</summary>
    public string From { get; init; } = "SocialInnovation <camps@socialinnovation.local>";
    /// <summary>None, Auto (STARTTLS when offered), StartTls or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.Auto;

    public static MailSettings Read(IConfiguration configuration) => new()
    {
        Host = configuration["Mail:Host"] ?? "localhost",
        Port = configuration.GetValue("Mail:Port", 1025),
        User = configuration["Mail:User"],
        Password = configuration["Mail:Password"],
        From = configuration["Mail:From"] ?? "SocialInnovation <camps@socialinnovation.local>",
        Security = Enum.Parse<SecureSocketOptions>(configuration["Mail:Security"] ?? "Auto", ignoreCase: true),
    };
}
