using System.Net;
using System.Net.Http.Json;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Server.Teams;
using SocialInnovation.Server.Tests.Camps;
using SocialInnovation.Teams;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Teams;

/// <summary>
/// Participants who joined by an invite link set their country, skills and languages on their camp
/// profile, and team formation mixes them by it like applicants.
/// </summary>
public sealed class ProfileApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static Task<HttpResponseMessage> Save(ApiClient client, Guid campId, SaveSkillProfile profile, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/camps/{campId}/profile/") { Content = JsonContent.Create(profile, options: ApiClient.Json) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return client.Http.SendAsync(request);
    }

    [Fact]
    public async Task An_invited_participant_starts_with_an_empty_profile_and_saves_trimmed_tags_once()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var aliya = await fixture.Member(organizer, camp.CampId, CampRole.Participant, "Aliya");

        var before = await aliya.Get<MyProfile>($"/api/camps/{camp.CampId}/profile/");
        var saved = await aliya.Read<MyProfile>(await Save(aliya, camp.CampId, new SaveSkillProfile("KZ", [" video ", "Video", "data"], ["kk", "ru"])));
        var again = await aliya.Read<MyProfile>(await Save(aliya, camp.CampId, new SaveSkillProfile("KZ", ["video", "data"], ["kk", "ru"])));
        var read = await aliya.Get<MyProfile>($"/api/camps/{camp.CampId}/profile/");

        Assert.Equal((false, null, 0, 0), (before.Saved, before.Profile.Country, before.Profile.Skills.Count, before.Profile.Languages.Count));
        Assert.True(saved.Saved);
        Assert.Equal("KZ", saved.Profile.Country);
        Assert.Equal(["video", "data"], saved.Profile.Skills);
        Assert.Equal(["kk", "ru"], saved.Profile.Languages);
        Assert.Equal(saved.Profile.Skills, again.Profile.Skills);
        Assert.Equal(saved.Profile.Languages, again.Profile.Languages);
        Assert.Equal(saved.Profile.Skills, read.Profile.Skills);
    }

    [Theory]
    [InlineData("en", "Name between 1 and 10 skills.")]
    [InlineData("ru", "Укажите от 1 до 10 навыков.")]
    public async Task A_profile_without_skills_or_a_country_is_refused_field_by_field_and_nothing_is_stored(string language, string skillsError)
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var kubat = await fixture.Member(organizer, camp.CampId, CampRole.Participant, "Kubat");

        var refused = await Save(kubat, camp.CampId, new SaveSkillProfile("Kyrgyzstan", [], ["ky"]), language);
        var problem = (await refused.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!;

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(skillsError, Assert.Single(problem.Errors!["Skills"]));
        Assert.True(problem.Errors.ContainsKey("Country"));
        Assert.False((await kubat.Get<MyProfile>($"/api/camps/{camp.CampId}/profile/")).Saved);
    }

    [Fact]
    public async Task The_suggestion_mixes_invited_participants_by_the_country_and_skills_they_saved()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        foreach (var (name, theme) in new[] { ("Clean Air", "Environment"), ("First Job", "Unemployment") })
            await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam(name, theme, $"team-{theme}")));
        // Two from Kazakhstan who make videos, two from Tajikistan who know the law; nobody ranks.
        var people = new[] { ("Aliya", "KZ", "video"), ("Dana", "KZ", "video"), ("Farrukh", "TJ", "law"), ("Malika", "TJ", "law") };
        foreach (var (name, country, skill) in people)
        {
            var member = await fixture.Member(organizer, camp.CampId, CampRole.Participant, name);
            (await Save(member, camp.CampId, new SaveSkillProfile(country, [skill], ["ru"]))).EnsureSuccessStatusCode();
        }

        var suggestion = await organizer.Read<TeamSuggestion>(await organizer.Post($"/api/camps/{camp.CampId}/team-formation/suggestion", new SuggestTeams()));

        Assert.Equal(4, suggestion.Placements.Count);
        Assert.All(suggestion.Placements, p => Assert.NotNull(p.Person.Country));
        foreach (var team in suggestion.Placements.GroupBy(p => p.TeamId))
            Assert.Equal(["KZ", "TJ"], team.Select(p => p.Person.Country!).Order());
    }

    [Fact]
    public async Task A_team_page_lists_an_invited_members_saved_skills()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var team = (await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam("Clean Air", "Environment", "team-air")))).Teams.Single();
        var sohrab = await fixture.Member(organizer, camp.CampId, CampRole.Participant, "Sohrab");
        (await Save(sohrab, camp.CampId, new SaveSkillProfile("AF", ["design", "research"], ["fa", "en"]))).EnsureSuccessStatusCode();
        (await sohrab.Post($"/api/camps/{camp.CampId}/teams/{team.TeamId}/join", new TeamMembershipChange("join-air"))).EnsureSuccessStatusCode();

        var page = await organizer.Get<TeamPeople>($"/api/camps/{camp.CampId}/teams/{team.TeamId}/people");

        var member = Assert.Single(page.People);
        Assert.Equal(("Sohrab", "AF"), (member.Name, member.Country));
        Assert.Equal(["design", "research"], member.Skills);
    }
}
