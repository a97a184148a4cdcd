using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Selection;
using SocialInnovation.Server.Demo;
using SocialInnovation.Server.Polls;
using SocialInnovation.Server.Session;
using SocialInnovation.Teams;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Demo;

public sealed class DemoIntakeTests
{
    [Fact]
    public async Task The_intake_demo_has_applications_from_five_countries_decisions_a_closed_vote_and_teams_with_members()
    {
        await using var host = await PlatformHost.Start(PlatformHost.NewWorld(), seedDemo: true,
            settings: new Dictionary<string, string?> { ["Demo:Intake"] = "true" });
        var organizer = host.Client();
        await organizer.SignInOrganizer();

        var campId = (await organizer.Get<MeView>("/api/me")).Camps.Single(c => c.Name == "SICamp Almaty demo").CampId;
        var overview = await organizer.Get<SelectionOverview>($"/api/camps/{campId}/selection");
        var poll = await organizer.Get<PollView>($"/api/camps/{campId}/polls/{PollsApi.IdFor(campId, "demo-poll")}");
        var camp = await organizer.Get<CampSnapshot>($"/api/camps/{campId}");

        Assert.Equal(120, overview.ByStatus.Values.Sum());
        Assert.Equal(["AF", "KG", "KZ", "TJ", "UZ"], overview.Countries.Select(c => c.Country));
        Assert.Equal((60, 30), (overview.Capacity, overview.ByStatus[ApplicationStatus.Confirmed]));
        Assert.InRange(overview.PlacesTaken, 40, 60);
        Assert.True(overview.ByStatus[ApplicationStatus.Waitlisted] > 0);
        Assert.Equal(CampPhase.Selection, camp.Phase);
        // 30 confirmed applicants and the participants who joined by invite (some with a skill profile).
        Assert.Equal(30 + DemoTeamProfiles.Invited.Length, camp.Members.Participants);
        Assert.True(poll.Tally.Closed);
        Assert.Equal((30, 90), (poll.Tally.Voters, poll.Tally.Options.Sum(o => o.Dots)));
        Assert.Equal(5, camp.Teams.Count);
        foreach (var team in camp.Teams)
            Assert.Equal(5, (await organizer.Get<TeamDetails>($"/api/camps/{campId}/teams/{team.TeamId}")).Members.Count);

        // The invited participants who saved a profile are mixed by it; the others by their ranking only.
        var suggestion = await organizer.Read<TeamSuggestion>(await organizer.Post($"/api/camps/{campId}/team-formation/suggestion", new SuggestTeams()));
        var invited = DemoTeamProfiles.Invited.Select(i => suggestion.Placements.Single(p => p.Person.Name == i.Name)).ToList();
        Assert.Equal(DemoTeamProfiles.Invited.Select(i => i.Profile?.Country), invited.Select(p => p.Person.Country));
        Assert.All(invited, p => Assert.Equal(3, p.Choices.Count));
    }
}
