using SocialInnovation.Camps;
using SocialInnovation.Server.Applications;
using SocialInnovation.Server.Tests.Applications;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Mail;

public sealed class MailOutageTests
{
    [Fact]
    public async Task An_application_acknowledged_while_SMTP_is_down_gets_its_mail_once_SMTP_is_back()
    {
        var ports = FreePorts.Take(2);
        await using var host = await PlatformHost.Start(PlatformHost.NewWorld(),
            settings: new Dictionary<string, string?> { ["Mail:Port"] = ports[0].ToString() });
        var organizer = host.Client();
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp();
        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        var form = Applicants.Form(Applicants.NewEmail());

        // Nothing listens on the SMTP port: the application is still stored and acknowledged.
        var received = await organizer.Read<ApplicationReceived>(await host.Client().Apply(camp.CampId, form));
        await using var smtp = await Maildev.Start(ports[0], ports[1]);

        var mails = await smtp.WaitFor(form.Email);
        Assert.Equal(form.Email, received.Email);
        Assert.Single(mails);
        Assert.Contains("/application#", mails[0].Text);
    }
}
