using System.Net;
using System.Net.Http.Json;
using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Selection;
using SocialInnovation.Server.Applications;
using SocialInnovation.Server.Tests.Camps;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Applications;

public sealed class ApplicationsApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private async Task<(ApiClient Organizer, Guid CampId)> CampTakingApplications()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        return (organizer, camp.CampId);
    }

    [Fact]
    public async Task An_application_through_the_public_form_is_mailed_a_private_link_that_opens_it()
    {
        var (organizer, campId) = await CampTakingApplications();
        var anonymous = fixture.Host.Client();
        var form = Applicants.Form(Applicants.NewEmail());

        var received = await anonymous.Read<ApplicationReceived>(await anonymous.Apply(campId, form));
        var token = await Applicants.TokenFromMail(form.Email);
        var mine = await anonymous.Read<MyApplication>(await anonymous.Post("/api/applications/mine", new OpenApplication(token)));

        Assert.Equal(form.Email, received.Email);
        Assert.Equal((form.Motivation, ApplicationStatus.Submitted, true), (mine.Application.Form.Motivation, mine.Status, mine.CanEdit));
        var listed = await organizer.Get<List<SelectionEntry>>($"/api/camps/{campId}/applications");
        Assert.Equal(form.Name, Assert.Single(listed).Application.Name);
        Assert.StartsWith("Your application to", (await Maildev.Shared.To(form.Email))[0].Subject);
    }

    [Fact]
    public async Task An_applicant_who_chose_Russian_gets_the_mail_in_Russian()
    {
        var (_, campId) = await CampTakingApplications();
        var form = Applicants.Form(Applicants.NewEmail("timur"), language: "ru");

        (await fixture.Host.Client().Apply(campId, form)).EnsureSuccessStatusCode();

        var mail = Assert.Single(await Maildev.Shared.WaitFor(form.Email));
        Assert.Contains("получена", mail.Subject);
        Assert.Contains("Здравствуйте", mail.Text);
    }

    [Fact]
    public async Task The_private_link_edits_the_application_and_the_organizers_see_the_change()
    {
        var (organizer, campId) = await CampTakingApplications();
        var applicant = fixture.Host.Client();
        var form = Applicants.Form(Applicants.NewEmail());
        (await applicant.Apply(campId, form)).EnsureSuccessStatusCode();
        var token = await Applicants.TokenFromMail(form.Email);

        var edited = await applicant.Read<MyApplication>(await applicant.Http.PutAsJsonAsync("/api/applications/mine",
            new EditApplication(token, form with { City = "Shymkent" }, "edit-1"), ApiClient.Json));

        Assert.Equal(2, edited.Application.Revision);
        var listed = await organizer.Get<List<SelectionEntry>>($"/api/camps/{campId}/applications");
        Assert.Equal("Shymkent", Assert.Single(listed).Application.City);
    }

    [Fact]
    public async Task Applying_twice_with_one_address_keeps_one_application()
    {
        var (organizer, campId) = await CampTakingApplications();
        var email = Applicants.NewEmail();

        (await fixture.Host.Client().Apply(campId, Applicants.Form(email))).EnsureSuccessStatusCode();
        (await fixture.Host.Client().Apply(campId, Applicants.Form($" {email.ToUpperInvariant()} ") with { Role = "Developer" })).EnsureSuccessStatusCode();

        var listed = await organizer.Get<List<SelectionEntry>>($"/api/camps/{campId}/applications");
        Assert.Equal("Developer", Assert.Single(listed).Application.Role);
    }

    [Fact]
    public async Task A_form_with_the_honeypot_filled_in_is_refused_and_nothing_is_kept()
    {
        var (organizer, campId) = await CampTakingApplications();

        var response = await fixture.Host.Client().Apply(campId, Applicants.Form(Applicants.NewEmail()), website: "http://spam.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application.refused", (await response.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.Empty(await organizer.Get<List<SelectionEntry>>($"/api/camps/{campId}/applications"));
    }

    [Fact]
    public async Task A_form_without_consent_is_answered_with_the_field_in_error()
    {
        var (_, campId) = await CampTakingApplications();

        var response = await fixture.Host.Client().Apply(campId, Applicants.Form(Applicants.NewEmail()) with { Consent = false, Email = "not-an-address" });

        var problem = (await response.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Form.Consent", problem.Errors!.Keys);
        Assert.Contains("Form.Email", problem.Errors!.Keys);
    }

    [Fact]
    public async Task An_oversized_form_is_refused_before_it_reaches_a_grain()
    {
        var (organizer, campId) = await CampTakingApplications();
        var form = Applicants.Form(Applicants.NewEmail()) with { Motivation = new string('x', 40_000) };

        var response = await fixture.Host.Client().Apply(campId, form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await organizer.Get<List<SelectionEntry>>($"/api/camps/{campId}/applications"));
    }

    [Fact]
    public async Task The_form_says_it_is_closed_outside_the_Applications_phase()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var anonymous = fixture.Host.Client();

        var info = await anonymous.Get<ApplicationFormInfo>($"/api/camps/{camp.CampId}/application-form");
        var response = await anonymous.Apply(camp.CampId, Applicants.Form(Applicants.NewEmail()));

        Assert.False(info.Open);
        Assert.Equal(SelectionSettings.DefaultPrivacyText, info.PrivacyText);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application.closed", (await response.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
    }

    [Fact]
    public async Task A_link_that_was_replaced_or_made_up_opens_nothing()
    {
        var anonymous = fixture.Host.Client();

        var response = await anonymous.Post("/api/applications/mine", new OpenApplication($"{Guid.NewGuid():N}.{new string('A', 43)}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application.link-invalid", (await response.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
    }
}
