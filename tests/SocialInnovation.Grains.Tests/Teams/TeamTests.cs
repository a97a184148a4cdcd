using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Teams;

namespace SocialInnovation.Grains.Tests.Teams;

[Collection(ClusterCollection.Name)]
public sealed class TeamTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private async Task<(ITeamGrain Team, Guid CampId)> NewTeam(int capacity)
    {
        var campId = Guid.NewGuid();
        var teamId = Guid.NewGuid();
        var team = Grains.GetGrain<ITeamGrain>(teamId);
        await team.Open(campId, new TeamView(teamId, "Clean Air", "Environment"), capacity);
        return (team, campId);
    }

    [Fact]
    public async Task A_team_takes_members_up_to_its_capacity_and_the_first_is_captain()
    {
        var (team, _) = await NewTeam(capacity: 2);
        var (aida, timur) = (Guid.NewGuid(), Guid.NewGuid());

        await team.Join(aida, "Aida");
        var joined = (await team.Join(timur, "Timur")).Ok();
        var third = await team.Join(Guid.NewGuid(), "Daler");

        Assert.Equal(["Aida", "Timur"], joined.Members.Select(m => m.Name));
        Assert.Equal(aida, joined.CaptainId);
        third.Refused("team.full", ErrorKind.Conflict);
    }

    [Fact]
    public async Task Joining_twice_is_one_membership()
    {
        var (team, _) = await NewTeam(capacity: 5);
        var aida = Guid.NewGuid();

        await team.Join(aida, "Aida");
        var again = (await team.Join(aida, "Aida")).Ok();

        Assert.Single(again.Members);
    }

    [Fact]
    public async Task When_the_captain_leaves_the_longest_standing_member_takes_over()
    {
        var (team, campId) = await NewTeam(capacity: 5);
        var (aida, timur, daler) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, name) in new[] { (aida, "Aida"), (timur, "Timur"), (daler, "Daler") })
        {
            await team.Join(id, name);
            Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var after = (await team.Leave(aida)).Ok();

        Assert.Equal(timur, after.CaptainId);
        Assert.False(await team.IsMember(campId, aida));
        Assert.True(await team.IsMember(campId, timur));
        Assert.False(await team.IsMember(Guid.NewGuid(), timur));
    }
}
