using System.Net;
using System.Net.Http.Json;
using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Selection;
using SocialInnovation.Server.Applications;
using SocialInnovation.Server.Selection;
using SocialInnovation.Server.Session;
using SocialInnovation.Server.Tests.Applications;
using SocialInnovation.Server.Tests.Camps;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Selection;

public sealed class SelectionApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    /// <summary>A camp in Selection with one application per given (name, country).</summary>
    private async Task<(ApiClient Organizer, Guid CampId, Dictionary<string, string> Emails)> CampInSelection(int capacity, params (string Name, string Country)[] applicants)
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();
        var details = new CampDetails("SICamp Almaty", "Almaty", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 5), capacity,
            ["KZ", "KG", "TJ", "UZ", "AF"], ["en", "ru"], ["Corruption", "Unemployment"]);
        var camp = await organizer.Read<CampSnapshot>(await organizer.Post("/api/camps", new CreateCamp(details, Guid.NewGuid().ToString("N"))));
        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        var emails = new Dictionary<string, string>();
        foreach (var (name, country) in applicants)
        {
            emails[name] = Applicants.NewEmail(name.ToLowerInvariant());
            (await fixture.Host.Client().Apply(camp.CampId, Applicants.Form(emails[name], country, name: name))).EnsureSuccessStatusCode();
        }
        await organizer.ChangePhase(camp.CampId, CampPhase.Applications, CampPhase.Selection);
        return (organizer, camp.CampId, emails);
    }

    private static async Task<SelectionEntry> Entry(ApiClient organizer, Guid campId, string name) =>
        (await organizer.Get<List<SelectionEntry>>($"/api/camps/{campId}/applications")).Single(e => e.Application.Name == name);

    private static async Task<HttpResponseMessage> Decide(ApiClient organizer, Guid campId, SelectionEntry entry, DecisionKind decision) =>
        await organizer.Post($"/api/camps/{campId}/selection/decisions",
            new Decide(entry.Application.ApplicationId, decision, entry.Version, Guid.NewGuid().ToString("N")));

    [Fact]
    public async Task An_accepted_applicant_confirms_through_the_mailed_link_and_becomes_a_participant()
    {
        var (organizer, campId, emails) = await CampInSelection(10, ("Aida", "KZ"));
        (await Decide(organizer, campId, await Entry(organizer, campId, "Aida"), DecisionKind.Accepted)).EnsureSuccessStatusCode();

        var mail = (await Maildev.Shared.WaitFor(emails["Aida"], 2))[1];
        var applicant = fixture.Host.Client();
        var confirmed = await applicant.Read<MyApplication>(await applicant.Post("/api/applications/mine/confirm",
            new ApplicantAction(Applicants.TokenIn(mail.Text), "confirm-1")));

        Assert.StartsWith("A place at", mail.Subject);
        Assert.Equal(ApplicationStatus.Confirmed, confirmed.Status);
        var me = await applicant.Get<MeView>("/api/me");
        Assert.Equal(("Aida", CampRole.Participant), (me.Name, me.Camps.Single().Role));
        Assert.Equal(1, (await organizer.Get<CampSnapshot>($"/api/camps/{campId}")).Members.Participants);
    }

    [Fact]
    public async Task A_decline_through_the_link_offers_the_place_to_the_waiting_list_and_mails_them()
    {
        var (organizer, campId, emails) = await CampInSelection(1, ("Aida", "KZ"), ("Bakhrom", "TJ"));
        (await Decide(organizer, campId, await Entry(organizer, campId, "Aida"), DecisionKind.Accepted)).EnsureSuccessStatusCode();
        (await Decide(organizer, campId, await Entry(organizer, campId, "Bakhrom"), DecisionKind.Waitlisted)).EnsureSuccessStatusCode();
        var aidaToken = Applicants.TokenIn((await Maildev.Shared.WaitFor(emails["Aida"], 2))[1].Text);

        (await fixture.Host.Client().Post("/api/applications/mine/decline", new ApplicantAction(aidaToken, "decline-1"))).EnsureSuccessStatusCode();

        var bakhrom = await Entry(organizer, campId, "Bakhrom");
        Assert.Equal(ApplicationStatus.Accepted, bakhrom.Status);
        var mails = await Maildev.Shared.WaitFor(emails["Bakhrom"], 3);
        Assert.StartsWith("A place at", mails[2].Subject);
    }

    [Fact]
    public async Task Accepting_past_capacity_is_answered_with_a_problem_and_the_overview_counts_places()
    {
        var (organizer, campId, _) = await CampInSelection(1, ("Aida", "KZ"), ("Bakhrom", "TJ"));
        (await Decide(organizer, campId, await Entry(organizer, campId, "Aida"), DecisionKind.Accepted)).EnsureSuccessStatusCode();

        var refused = await Decide(organizer, campId, await Entry(organizer, campId, "Bakhrom"), DecisionKind.Accepted);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("selection.full", (await refused.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        var overview = await organizer.Get<SelectionOverview>($"/api/camps/{campId}/selection");
        Assert.Equal((1, 1), (overview.Capacity, overview.PlacesTaken));
        Assert.Equal(1, overview.Countries.Single(c => c.Country == "KZ").Taken);
    }

    [Fact]
    public async Task Reviews_are_kept_per_reviewer_and_the_table_filters_by_score_and_country()
    {
        var (organizer, campId, _) = await CampInSelection(10, ("Aida", "KZ"), ("Bakhrom", "TJ"));
        var aida = await Entry(organizer, campId, "Aida");

        (await organizer.Post($"/api/camps/{campId}/applications/{aida.Application.ApplicationId}/reviews",
            ReviewApplication.Alike(5, "Clear motivation", "review-1"))).EnsureSuccessStatusCode();

        var good = await organizer.Get<List<SelectionEntry>>($"/api/camps/{campId}/applications?minScore=4");
        var fromTj = await organizer.Get<List<SelectionEntry>>($"/api/camps/{campId}/applications?country=TJ");
        var review = await organizer.Get<ApplicationReview>($"/api/camps/{campId}/applications/{aida.Application.ApplicationId}");
        Assert.Equal("Aida", Assert.Single(good).Application.Name);
        Assert.Equal("Bakhrom", Assert.Single(fromTj).Application.Name);
        Assert.Equal("Clear motivation", Assert.Single(review.Details.Reviews).Notes);
    }

    [Fact]
    public async Task A_reviewer_invited_by_an_organizer_scores_applications_but_cannot_decide_or_change_the_settings()
    {
        var (organizer, campId, _) = await CampInSelection(10, ("Aida", "KZ"));
        var reviewer = await fixture.Member(organizer, campId, CampRole.Reviewer, "Zarina");
        var aida = await Entry(reviewer, campId, "Aida");

        (await reviewer.Post($"/api/camps/{campId}/applications/{aida.Application.ApplicationId}/reviews",
            ReviewApplication.Alike(4, "Strong NGO background", "reviewer-1"))).EnsureSuccessStatusCode();
        var decision = await Decide(reviewer, campId, await Entry(reviewer, campId, "Aida"), DecisionKind.Accepted);
        var settings = await reviewer.Http.PutAsJsonAsync($"/api/camps/{campId}/selection/settings",
            new ConfigureSelection(SelectionSettings.DefaultPrivacyText, 24, [], 0, "reviewer-settings"), ApiClient.Json);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (decision.StatusCode, settings.StatusCode));
        var review = await organizer.Get<ApplicationReview>($"/api/camps/{campId}/applications/{aida.Application.ApplicationId}");
        Assert.Equal(("Zarina", 4), (Assert.Single(review.Details.Reviews).ReviewerName, review.Details.Reviews[0].Score));
        Assert.Equal(ApplicationStatus.Submitted, review.Entry.Status);
        Assert.Equal(CampRole.Reviewer, (await reviewer.Get<MeView>("/api/me")).Camps.Single().Role);
    }

    [Fact]
    public async Task An_organizer_cannot_read_another_camps_application_through_their_own_camp()
    {
        var (organizer, campId, _) = await CampInSelection(10, ("Aida", "KZ"));
        var aida = await Entry(organizer, campId, "Aida");
        var other = await organizer.CreateCamp("Another camp");

        var response = await organizer.Http.GetAsync($"/api/camps/{other.CampId}/applications/{aida.Application.ApplicationId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
