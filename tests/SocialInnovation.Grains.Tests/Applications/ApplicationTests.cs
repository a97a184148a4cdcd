using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Common;

namespace SocialInnovation.Grains.Tests.Applications;

[Collection(ClusterCollection.Name)]
public sealed class ApplicationTests(ClusterFixture fixture) : IntakeTests(fixture)
{
    [Fact]
    public async Task Applying_again_with_the_same_address_typed_differently_updates_the_one_application()
    {
        var camp = await CampInPhase(CampPhase.Applications);
        var email = NewEmail();

        var first = await Apply(camp, Form(email.ToUpperInvariant()));
        var second = await Apply(camp, Form($"  {email}  ") with { City = "Shymkent" });

        Assert.Equal(first.ApplicationId, second.ApplicationId);
        Assert.Equal((1, 2), (first.Revision, second.Revision));
        Assert.Equal("Shymkent", second.City);
        var listed = await Selection(camp).List(new());
        Assert.Equal("Shymkent", Assert.Single(listed).Application.City);
    }

    [Fact]
    public async Task A_retried_application_is_applied_once_and_mailed_once()
    {
        var camp = await CampInPhase(CampPhase.Applications);
        var form = Form(NewEmail());

        await Apply(camp, form, "same-key");
        var retried = await Apply(camp, form, "same-key");

        Assert.Equal(1, retried.Revision);
        await Fixture.Mail.WaitFor(form.Email);
        Assert.Single(Fixture.Mail.To(form.Email));
    }

    [Theory]
    [InlineData(CampPhase.Draft)]
    [InlineData(CampPhase.Selection)]
    public async Task An_application_outside_the_Applications_phase_is_refused_and_nothing_is_kept(CampPhase phase)
    {
        var camp = await CampInPhase(phase);
        var form = Form(NewEmail());

        var outcome = await Application(camp, form.Email).Submit(camp.GetPrimaryKey(), form, NewKey(), LinkBase);

        outcome.Refused("application.closed", ErrorKind.Conflict);
        Assert.Null(await Application(camp, form.Email).GetDetails());
    }

    [Fact]
    public async Task An_applicant_from_a_country_the_camp_does_not_take_is_refused_on_that_field()
    {
        var camp = await CampInPhase(CampPhase.Applications);
        var form = Form(NewEmail(), country: "UZ");

        var outcome = await Application(camp, form.Email).Submit(camp.GetPrimaryKey(), form, NewKey(), LinkBase);

        Assert.Contains("Form.Country", outcome.Refused("validation", ErrorKind.Invalid).Errors!.Keys);
    }

    [Fact]
    public async Task An_application_without_consent_is_refused_as_invalid()
    {
        var camp = await CampInPhase(CampPhase.Applications);
        var form = Form(NewEmail()) with { Consent = false };

        var outcome = await Application(camp, form.Email).Submit(camp.GetPrimaryKey(), form, NewKey(), LinkBase);

        Assert.Contains("Consent", outcome.Refused("validation", ErrorKind.Invalid).Errors!.Keys);
    }

    [Fact]
    public async Task The_confirmation_mail_carries_a_private_link_that_opens_the_application()
    {
        var camp = await CampInPhase(CampPhase.Applications);
        var form = Form(NewEmail());
        await Apply(camp, form);

        var (id, secret) = await LinkFromMail(form.Email);
        var view = (await Grains.GetGrain<IApplicationGrain>(id).Open(secret)).Ok();

        Assert.Equal(form.Motivation, view.Form.Motivation);
        Assert.StartsWith("Your application to", Fixture.Mail.To(form.Email)[0].Subject);
        (await Grains.GetGrain<IApplicationGrain>(id).Open(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A'))).Refused("application.link-invalid");
    }

    [Fact]
    public async Task The_mail_is_in_Russian_for_an_applicant_who_chose_Russian()
    {
        var camp = await CampInPhase(CampPhase.Applications);
        var form = Form(NewEmail(), language: "ru");

        await Apply(camp, form);

        var mail = Assert.Single(await Fixture.Mail.WaitFor(form.Email));
        Assert.Contains("получена", mail.Subject);
        Assert.Contains("Здравствуйте", mail.Text);
    }

    [Fact]
    public async Task Applying_again_mails_a_new_link_and_the_old_one_stops_working()
    {
        var camp = await CampInPhase(CampPhase.Applications);
        var form = Form(NewEmail());
        await Apply(camp, form);
        var (id, oldSecret) = await LinkFromMail(form.Email);

        await Apply(camp, form with { City = "Taraz" });
        var (_, newSecret) = await LinkFromMail(form.Email, 2);

        var application = Grains.GetGrain<IApplicationGrain>(id);
        (await application.Open(oldSecret)).Refused("application.link-invalid");
        Assert.Equal("Taraz", (await application.Open(newSecret)).Ok().Form.City);
    }

    [Fact]
    public async Task The_private_link_edits_the_application_while_applications_are_open_and_not_after()
    {
        var camp = await CampInPhase(CampPhase.Applications);
        var form = Form(NewEmail());
        await Apply(camp, form);
        var (id, secret) = await LinkFromMail(form.Email);
        var application = Grains.GetGrain<IApplicationGrain>(id);

        var edited = (await application.Edit(secret, form with { Role = "Developer" }, NewKey())).Ok();
        await StepForwardTo(camp, CampPhase.Selection);
        var late = await application.Edit(secret, form with { Role = "Manager" }, NewKey());

        Assert.Equal(2, edited.Revision);
        late.Refused("application.closed", ErrorKind.Conflict);
        Assert.Equal("Developer", (await application.Open(secret)).Ok().Form.Role);
    }

    [Fact]
    public async Task An_edit_cannot_move_an_application_to_another_address()
    {
        var camp = await CampInPhase(CampPhase.Applications);
        var form = Form(NewEmail());
        await Apply(camp, form);
        var (id, secret) = await LinkFromMail(form.Email);

        var outcome = await Grains.GetGrain<IApplicationGrain>(id).Edit(secret, form with { Email = NewEmail("other") }, NewKey());

        outcome.Refused("application.email-fixed", ErrorKind.Conflict);
    }

    [Fact]
    public async Task A_confirmation_mail_queued_while_SMTP_is_down_is_delivered_once_when_it_is_back()
    {
        var camp = await CampInPhase(CampPhase.Applications);
        var form = Form(NewEmail());
        Fixture.Mail.FailNext(form.Email, 2);

        await Apply(camp, form);

        var delivered = await Fixture.Mail.WaitFor(form.Email);
        Assert.Single(delivered);
        var status = await Grains.GetGrain<SocialInnovation.Mail.IMailOutboxGrain>(camp.GetPrimaryKey().ToString("N")).GetStatus();
        Assert.Equal(0, status.Pending);
    }

    [Fact]
    public async Task Reviews_keep_one_score_per_reviewer_and_report_their_spread()
    {
        var camp = await CampInPhase(CampPhase.Applications);
        var form = Form(NewEmail());
        var row = await Apply(camp, form);
        var application = Grains.GetGrain<IApplicationGrain>(row.ApplicationId);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        await application.Review(first, "Aigerim", ReviewApplication.Alike(2, "Vague", NewKey()));
        await application.Review(first, "Aigerim", ReviewApplication.Alike(3, "Vague, but keen", NewKey()));
        var score = (await application.Review(second, "Timur", ReviewApplication.Alike(5, "Strong", NewKey()))).Ok();

        Assert.Equal(new ScoreSummary(4, 2, 2, 3, 5), score);
        Assert.Equal(2, (await application.GetDetails())!.Reviews.Count);
    }
}
