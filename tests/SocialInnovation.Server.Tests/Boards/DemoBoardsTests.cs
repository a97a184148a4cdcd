using SocialInnovation.Boards;
using SocialInnovation.Camps;
using Microsoft.Extensions.DependencyInjection;
using SocialInnovation.Server.Boards;
using SocialInnovation.Server.Demo;
using SocialInnovation.Server.Session;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Boards;

public sealed class DemoBoardsTests
{
    [Fact]
    public async Task The_demo_camp_is_in_its_Sprints_phase_with_five_boards_on_their_third_sprint_and_velocity_from_the_first_two()
    {
        await using var host = await PlatformHost.Start(PlatformHost.NewWorld(), seedDemo: true,
            settings: new Dictionary<string, string?> { ["Demo:Intake"] = "false" });
        var organizer = host.Client();
        await organizer.SignInOrganizer();

        var campId = (await organizer.Get<MeView>("/api/me")).Camps.Single(c => c.Name == "TechBootCamp demo").CampId;
        var overview = await organizer.Get<BoardsOverview>($"/api/camps/{campId}/boards");

        // The phase says what the boards show (a newcomer found a Draft camp with its sprints running).
        Assert.Equal(CampPhase.Sprints, (await organizer.Get<CampSnapshot>($"/api/camps/{campId}")).Phase);
        Assert.Equal(3, overview.Plan.ActiveSprint);
        Assert.Equal(4, overview.Plan.Schedule.Count);
        Assert.Equal(5, overview.Teams.Count);
        foreach (var team in overview.Teams)
        {
            var board = team.Board;
            Assert.All(board.Sprints.Where(s => s.Number < 3), s => Assert.True(s.Completed > 0));
            Assert.True(board.Sprints.Single(s => s.Number == 3).Committed > 0);
            Assert.NotEmpty(board.Backlog);
            Assert.All(board.Columns, c => Assert.NotEmpty(c.CardIds)); // Done too: the README says "cards in every column"
            Assert.Contains(board.Cards, c => c.Comments.Count > 0 && c.Checklist.Count > 0);
            // The team's members made the cards and moves and hold them (a newcomer found assignees empty and a
            // history naming people the team did not have).
            var members = (await organizer.Get<SocialInnovation.Teams.TeamDetails>($"/api/camps/{campId}/teams/{team.TeamId}")).Members.Select(m => m.PersonId).ToList();
            Assert.InRange(members.Count, 2, 3);
            Assert.All(board.Cards, c => Assert.Subset(members.ToHashSet(), c.Assignees.ToHashSet()));
            Assert.All(board.Cards, c => Assert.NotEmpty(c.Assignees));
        }

        // run.sh prints the boards' pages with the other demo links (a walk through the demo found none of them there).
        var printed = host.Services.GetRequiredService<DemoConsole>().Printed;
        Assert.Contains($"/camps/{campId}/boards{Environment.NewLine}", printed);
        Assert.Contains($"/camps/{campId}/boards/screen", printed);
        Assert.Contains(overview.Teams, t => printed.Contains($"/camps/{campId}/teams/{t.TeamId}/board"));
    }
}
