using System.Net;
using System.Net.Http.Json;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Server.Session;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Camps;

public sealed class CampsApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Creating_a_camp_makes_the_creator_its_organizer_in_the_draft_phase()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();

        Assert.Equal(CampPhase.Draft, camp.Phase);
        Assert.Equal(1, camp.Members.Organizers);
        var me = await organizer.Get<MeView>("/api/me");
        Assert.Contains(me.Camps, c => c.CampId == camp.CampId && c.Role == CampRole.Organizer);
    }

    [Fact]
    public async Task Retrying_a_create_with_the_same_key_returns_the_same_camp()
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();

        var first = await organizer.CreateCamp(key: "retry-me");
        var second = await organizer.CreateCamp(key: "retry-me");

        Assert.Equal(first.CampId, second.CampId);
        Assert.Equal(first.Seq, second.Seq);
    }

    [Fact]
    public async Task An_invalid_camp_is_refused_with_problem_details_and_nothing_is_created()
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();
        var bad = new CampDetails("", "Almaty", new DateOnly(2027, 3, 5), new DateOnly(2027, 3, 1), 0, ["kz"], ["fr"], []);
        var response = await organizer.Post("/api/camps", new CreateCamp(bad, "bad-camp"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(ApiClient.Json);
        Assert.Equal("validation", problem!.Code);
        Assert.Contains("Details.Name", problem.Errors!.Keys);
        Assert.Contains("Details.EndsOn", problem.Errors.Keys);
        Assert.Contains("Details.Capacity", problem.Errors.Keys);
        // The platform organizer is one person for every test on this shared host, so other tests create camps
        // meanwhile: the refused camp (it would end before it starts) is the one that must not exist.
        Assert.DoesNotContain((await organizer.Get<MeView>("/api/me")).Camps, c => c.StartsOn == bad.StartsOn && c.EndsOn == bad.EndsOn);
    }

    [Fact]
    public async Task Jumping_phases_is_refused_with_a_reason_and_changes_nothing()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();

        var response = await organizer.Post($"/api/camps/{camp.CampId}/phase", new ChangePhase(CampPhase.Draft, CampPhase.Judging, "jump-1"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(ApiClient.Json);
        Assert.Equal("phase.jump", problem!.Code);
        Assert.Contains("Applications", problem.Detail);
        var after = await organizer.Get<CampSnapshot>($"/api/camps/{camp.CampId}");
        Assert.Equal((CampPhase.Draft, camp.Seq), (after.Phase, after.Seq));
    }

    [Fact]
    public async Task A_phase_change_from_a_stale_phase_is_refused_instead_of_overwriting()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);

        // A second organizer's screen still shows Draft and asks to archive.
        var response = await organizer.Post($"/api/camps/{camp.CampId}/phase", new ChangePhase(CampPhase.Draft, CampPhase.Archived, "stale-1"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("phase.stale", (await response.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.Equal(CampPhase.Applications, (await organizer.Get<CampSnapshot>($"/api/camps/{camp.CampId}")).Phase);
    }

    [Fact]
    public async Task A_retried_phase_change_is_applied_once()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var command = new ChangePhase(CampPhase.Draft, CampPhase.Applications, "once-only");

        var first = await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/phase", command));
        var retry = await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/phase", command));

        Assert.Equal(first.Seq, retry.Seq);
        Assert.Single(retry.History);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_a_problem()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();

        var response = await organizer.Http.PostAsync($"/api/camps/{camp.CampId}/phase",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Detail));
    }

    [Fact]
    public async Task Unknown_api_paths_answer_with_a_problem_not_the_web_page()
    {
        var response = await fixture.Host.Client().Http.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_server_publishes_its_openapi_document_and_health()
    {
        var client = fixture.Host.Client();

        var openApi = await client.Http.GetStringAsync("/openapi/v1.json");
        var health = await client.Http.GetStringAsync("/health");

        Assert.Contains("/api/camps/{campId}/phase", openApi);
        Assert.Equal("Healthy", health);
    }

    [Fact]
    public async Task A_participant_sees_the_camp_but_cannot_change_its_phase()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var participant = await fixture.Member(organizer, camp.CampId, CampRole.Participant);

        var seen = await participant.Get<CampSnapshot>($"/api/camps/{camp.CampId}");
        var refused = await participant.Post($"/api/camps/{camp.CampId}/phase", new ChangePhase(CampPhase.Draft, CampPhase.Applications, "p-1"));

        Assert.Equal(camp.CampId, seen.CampId);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

/// <summary>The RFC 7807 body as the tests read it.</summary>
public sealed record Problem(string? Title, int Status, string? Detail, string? Code, Dictionary<string, string[]>? Errors);
