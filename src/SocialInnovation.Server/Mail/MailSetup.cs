using SocialInnovation.Grains.Mail;

namespace SocialInnovation.Server.Mail;

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(MailSettings.Read(configuration));
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        return services;
    }
}
