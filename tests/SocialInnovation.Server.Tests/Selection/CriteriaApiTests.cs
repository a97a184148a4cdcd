using System.Net;
using System.Net.Http.Json;
using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Selection;
using SocialInnovation.Server.Selection;
using SocialInnovation.Server.Tests.Applications;
using SocialInnovation.Server.Tests.Camps;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Selection;

/// <summary>Scoring per criterion over HTTP: the organizer's criteria, two reviewers, the table's score and spread.</summary>
public sealed class CriteriaApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private async Task<(ApiClient Organizer, Guid CampId, SelectionEntry Aida)> CampWithAida()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        (await fixture.Host.Client().Apply(camp.CampId, Applicants.Form(Applicants.NewEmail(), "KZ", name: "Aida"))).EnsureSuccessStatusCode();
        await organizer.ChangePhase(camp.CampId, CampPhase.Applications, CampPhase.Selection);
        var aida = (await organizer.Get<List<SelectionEntry>>($"/api/camps/{camp.CampId}/applications")).Single();
        return (organizer, camp.CampId, aida);
    }

    private static ReviewApplication Scores(string notes, params (string Criterion, int Score)[] scores) =>
        new(scores.Select(s => new CriterionScore(s.Criterion, s.Score)).ToList(), notes, Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Two_reviewers_score_the_organizers_criteria_and_the_table_shows_the_mean_of_their_means_and_their_spread()
    {
        var (organizer, campId, aida) = await CampWithAida();
        var criteria = await organizer.Read<SelectionCriteria>(await organizer.Http.PutAsJsonAsync($"/api/camps/{campId}/selection/criteria",
            new SetCriteria([new SelectionCriterion("motivation", "Motivation"), new SelectionCriterion("languages", "Speaks the camp's languages")], 0, "criteria-1"), ApiClient.Json));
        var first = await fixture.Member(organizer, campId, CampRole.Reviewer, "Aigerim");
        var second = await fixture.Member(organizer, campId, CampRole.Reviewer, "Timur");
        var reviews = $"/api/camps/{campId}/applications/{aida.Application.ApplicationId}/reviews";

        (await first.Post(reviews, Scores("Keen", ("motivation", 5), ("languages", 4)))).EnsureSuccessStatusCode();
        (await second.Post(reviews, Scores("Unsure", ("languages", 2), ("motivation", 3)))).EnsureSuccessStatusCode();

        Assert.Equal(1, criteria.Version);
        Assert.Equal(["Motivation", "Speaks the camp's languages"], (await first.Get<SelectionCriteria>($"/api/camps/{campId}/selection/criteria")).Criteria.Select(c => c.Name));
        var entry = (await organizer.Get<List<SelectionEntry>>($"/api/camps/{campId}/applications")).Single();
        Assert.Equal(new ScoreSummary(3.5, 2, 2, 2.5, 4.5), entry.Score);
        var details = await organizer.Get<ApplicationReview>($"/api/camps/{campId}/applications/{aida.Application.ApplicationId}");
        Assert.Equal([4.5, 2.5], details.Details.Reviews.Select(r => r.Score));
    }

    [Fact]
    public async Task A_score_out_of_range_is_refused_in_Russian_and_a_review_missing_a_criterion_is_refused_with_its_code()
    {
        var (organizer, campId, aida) = await CampWithAida();
        var reviews = $"/api/camps/{campId}/applications/{aida.Application.ApplicationId}/reviews";
        var request = new HttpRequestMessage(HttpMethod.Post, reviews)
        {
            Content = JsonContent.Create(Scores("", ("motivation", 6), ("skills", 4), ("team-fit", 4), ("impact", 4)), options: ApiClient.Json),
        };
        request.Headers.AcceptLanguage.ParseAdd("ru-RU,ru;q=0.9");

        var outOfRange = await organizer.Http.SendAsync(request);
        var missing = await organizer.Post(reviews, Scores("", ("motivation", 4), ("skills", 4)));

        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        var problem = await outOfRange.Content.ReadFromJsonAsync<Problem>(ApiClient.Json);
        Assert.Contains("Оцените каждый критерий от 1 до 5.", problem!.Errors!.Values.SelectMany(e => e));
        Assert.Equal(HttpStatusCode.Conflict, missing.StatusCode);
        Assert.Equal("review.criteria", (await missing.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.Empty((await organizer.Get<ApplicationReview>($"/api/camps/{campId}/applications/{aida.Application.ApplicationId}")).Details.Reviews);
    }

    [Fact]
    public async Task A_reviewer_reads_the_application_without_the_applicants_e_mail_address_and_an_organizer_with_it()
    {
        var (organizer, campId, aida) = await CampWithAida();
        var reviewer = await fixture.Member(organizer, campId, CampRole.Reviewer, "Aigerim");
        var path = $"/api/camps/{campId}/applications/{aida.Application.ApplicationId}";

        var asReviewer = await reviewer.Get<ApplicationReview>(path);
        var asOrganizer = await organizer.Get<ApplicationReview>(path);

        Assert.Equal("", asReviewer.Details.Application.Form.Email);
        Assert.DoesNotContain("@", await (await reviewer.Http.GetAsync(path)).Content.ReadAsStringAsync());
        Assert.EndsWith("@example.com", asOrganizer.Details.Application.Form.Email);
        Assert.Equal((asOrganizer.Details.Application.Form.Name, asOrganizer.Details.Application.Form.Motivation), (asReviewer.Details.Application.Form.Name, asReviewer.Details.Application.Form.Motivation));
    }
}
