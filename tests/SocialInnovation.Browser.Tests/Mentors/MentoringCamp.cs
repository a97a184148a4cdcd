using Microsoft.Playwright;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Mentors;

/// <summary>A camp with one team, made through the API by its organizer, and its people joining: what every mentoring page test starts from.</summary>
internal sealed record MentoringCamp(Guid CampId, Guid TeamId, ApiClient Organizer)
{
    public string TeamPage => $"/camps/{CampId}/teams/{TeamId}/mentoring";

    public string Gallery => $"/camps/{CampId}/gallery";

    public static async Task<MentoringCamp> New(BrowserFixture fixture, string campName, string team)
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await api.CreateCamp(campName);
        var teams = (await api.Read<CampSnapshot>(await api.Post($"/api/camps/{camp.CampId}/teams", new AddTeam(team, "Environment", Guid.NewGuid().ToString("N"))))).Teams;
        return new MentoringCamp(camp.CampId, teams.Single().TeamId, api);
    }

    /// <summary>Joins by invite in the browser (<see cref="Pages.JoinByInvite"/>); a participant also joins the team.</summary>
    public async Task<IPage> Join(IBrowserContext context, CampRole role, string name)
    {
        var page = await Pages.JoinByInvite(context, (await Organizer.Invite(CampId, role)).Link!, name);
        Assert.Contains(CampId.ToString(), page.Url);
        if (role == CampRole.Participant) await Pages.JoinTeam(page, CampId, TeamId);
        return page;
    }

    /// <summary>The mentor's profile (UX, Russian), saved through the API with the mentor page's own cookies.</summary>
    public async Task SaveMentorProfile(IPage mentor)
    {
        var profile = await mentor.APIRequest.PutAsync($"/api/camps/{CampId}/mentors/me", new APIRequestContextOptions
        {
            DataObject = new { tags = new[] { "ux" }, languages = new[] { "ru" }, bio = "", availability = "", basedOnVersion = 0, idempotencyKey = Guid.NewGuid().ToString("N") },
        });
        Assert.True(profile.Ok, await profile.TextAsync());
    }
}
