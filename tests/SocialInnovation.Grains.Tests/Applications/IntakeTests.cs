using System.Text.RegularExpressions;
using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Grains.Applications;
using SocialInnovation.Selection;

namespace SocialInnovation.Grains.Tests.Applications;

/// <summary>What application and selection tests share: a camp taking applications and a way to apply, as the server does.</summary>
public abstract class IntakeTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    protected const string LinkBase = "https://camp.example";

    protected async Task<ICampGrain> CampInPhase(CampPhase phase, int capacity = 120)
    {
        var camp = Grains.GetGrain<ICampGrain>(Guid.NewGuid());
        var details = ValidDetails() with { Capacity = capacity, Countries = ["KZ", "TJ", "KG"] };
        (await camp.Create(new CreateCamp(details, NewKey()), Guid.NewGuid(), "Aigerim")).Ok();
        await StepForwardTo(camp, phase);
        return camp;
    }

    protected static string NewEmail(string name = "aida") => $"{name}.{Guid.NewGuid():N}@example.com";

    protected static ApplicationForm Form(string email, string country = "KZ", string language = "en", string name = "Aida Nurlanovna") => new(
        name, email, country, "Almaty", "Green Steppe NGO", "Designer", ["design", "research"], ["kk", "ru", "en"],
        "I want to help young people in my city find their first job through better information.", "A friend", true, language);

    protected IApplicationGrain Application(ICampGrain camp, string email) =>
        Grains.GetGrain<IApplicationGrain>(ApplicationIds.For(camp.GetPrimaryKey(), email));

    /// <summary>Applies and records the row with the selection grain, as the server's endpoint does.</summary>
    protected async Task<ApplicationRow> Apply(ICampGrain camp, ApplicationForm form, string? key = null)
    {
        var row = (await Application(camp, form.Email).Submit(camp.GetPrimaryKey(), form, key ?? NewKey(), LinkBase)).Ok();
        (await Selection(camp).Record(row)).Ok();
        return row;
    }

    protected ISelectionGrain Selection(ICampGrain camp) => Grains.GetGrain<ISelectionGrain>(camp.GetPrimaryKey());

    /// <summary>The private link's token in the newest mail to <paramref name="email"/>.</summary>
    protected async Task<(Guid ApplicationId, string Secret)> LinkFromMail(string email, int mails = 1)
    {
        var mail = (await Fixture.Mail.WaitFor(email, mails))[mails - 1];
        var token = Regex.Match(mail.Text, @"/application#([0-9a-f]{32}\.[A-Za-z0-9_-]{43})").Groups[1].Value;
        return ApplicationToken.Parse(token) ?? throw new InvalidOperationException($"No link in: {mail.Text}");
    }
}
