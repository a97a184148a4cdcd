using SocialInnovation.Camps;
using SocialInnovation.Common;

namespace SocialInnovation.Grains.Tests.Camps;

[Collection(ClusterCollection.Name)]
public sealed class TeamsTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task A_team_working_on_one_of_the_camps_themes_is_added_and_announced()
    {
        var (camp, _, created) = await NewCamp();

        var snapshot = (await camp.AddTeam(new AddTeam("Bright Future", "unemployment", NewKey()))).Ok();

        var team = Assert.Single(snapshot.Teams);
        Assert.Equal(("Bright Future", "unemployment"), (team.Name, team.Theme));
        Assert.Equal(created.Seq + 1, snapshot.Seq);
        var added = Assert.Single(await camp.EventsAfter(created));
        Assert.Equal(CampEventKind.TeamAdded, added.CampKind());
        Assert.Equal(team, added.Change().Team);
    }

    [Fact]
    public async Task A_retried_team_is_added_once()
    {
        var (camp, _, _) = await NewCamp();
        var command = new AddTeam("Bright Future", "unemployment", NewKey());
        var first = (await camp.AddTeam(command)).Ok();

        var retried = (await camp.AddTeam(command)).Ok();

        AssertSameCamp(first, retried);
    }

    [Fact]
    public async Task A_second_team_with_the_same_name_is_refused()
    {
        var (camp, _, _) = await NewCamp();
        await camp.AddTeam(new AddTeam("Bright Future", "unemployment", NewKey()));

        var outcome = await camp.AddTeam(new AddTeam("bright future", "corruption", NewKey()));

        outcome.Refused("team.exists", ErrorKind.Conflict);
        Assert.Single((await camp.GetSnapshot())!.Teams);
    }

    [Fact]
    public async Task A_team_on_a_theme_the_camp_does_not_have_is_refused()
    {
        var (camp, _, created) = await NewCamp();

        var outcome = await camp.AddTeam(new AddTeam("Clean Air", "pollution", NewKey()));

        outcome.Refused("team.theme-unknown", ErrorKind.Conflict);
        AssertSameCamp(created, await camp.GetSnapshot());
    }

    [Fact]
    public async Task A_team_without_a_name_is_refused_as_invalid()
    {
        var (camp, _, created) = await NewCamp();

        var outcome = await camp.AddTeam(new AddTeam("", "unemployment", NewKey()));

        Assert.Contains("Name", outcome.Refused("validation", ErrorKind.Invalid).Errors!.Keys);
        AssertSameCamp(created, await camp.GetSnapshot());
    }
}
