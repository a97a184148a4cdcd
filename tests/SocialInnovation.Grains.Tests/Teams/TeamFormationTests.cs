using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Teams;

namespace SocialInnovation.Grains.Tests.Teams;

[Collection(ClusterCollection.Name)]
public sealed class TeamFormationTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private async Task<(ITeamFormationGrain Formation, Guid CampId, List<TeamView> Teams)> NewCamp(int teams)
    {
        var campId = Guid.NewGuid();
        var views = Enumerable.Range(0, teams).Select(i => new TeamView(Guid.NewGuid(), $"Team {i}", $"Theme {i}")).ToList();
        foreach (var view in views) await Grains.GetGrain<ITeamGrain>(view.TeamId).Open(campId, view, 8);
        return (Grains.GetGrain<ITeamFormationGrain>(campId), campId, views);
    }

    private static List<ParticipantProfile> People(int count) =>
        Enumerable.Range(0, count).Select(i => new ParticipantProfile(Guid.NewGuid(), $"Person {i}", i % 2 == 0 ? "KZ" : "TJ", ["design"], ["ru"])).ToList();

    [Fact]
    public async Task Ranking_again_replaces_the_earlier_ranking_and_a_retry_counts_once()
    {
        var (formation, _, teams) = await NewCamp(3);
        var ids = teams.Select(t => t.TeamId).ToList();
        var aida = Guid.NewGuid();

        await formation.Rank(aida, new RankThemes([ids[0], ids[1]], "rank-1"), ids);
        var changed = (await formation.Rank(aida, new RankThemes([ids[2], ids[0], ids[1]], "rank-2"), ids)).Ok();
        var retried = (await formation.Rank(aida, new RankThemes([ids[2], ids[0], ids[1]], "rank-2"), ids)).Ok();

        Assert.Equal([ids[2], ids[0], ids[1]], changed.Choices);
        Assert.Equal(changed.Choices, retried.Choices);
        Assert.Equal(1, (await formation.GetStatus()).Rankings);
        (await formation.Rank(aida, new RankThemes([ids[1]], "rank-2"), ids)).Refused("idempotency.reused");
    }

    [Fact]
    public async Task A_ranking_must_name_one_to_three_different_teams_of_the_camp()
    {
        var (formation, _, teams) = await NewCamp(4);
        var ids = teams.Select(t => t.TeamId).ToList();
        var aida = Guid.NewGuid();

        (await formation.Rank(aida, new RankThemes([], NewKey()), ids)).Refused("validation", ErrorKind.Invalid);
        (await formation.Rank(aida, new RankThemes([ids[0], ids[0]], NewKey()), ids)).Refused("validation", ErrorKind.Invalid);
        (await formation.Rank(aida, new RankThemes([.. ids], NewKey()), ids)).Refused("validation", ErrorKind.Invalid);
        (await formation.Rank(aida, new RankThemes([Guid.NewGuid()], NewKey()), ids)).Refused("team.unknown", ErrorKind.NotFound);
        Assert.Null(await formation.GetRanking(aida));
    }

    [Fact]
    public async Task The_suggestion_honours_rankings_and_publishing_places_everyone_in_their_team()
    {
        var (formation, campId, teams) = await NewCamp(2);
        var ids = teams.Select(t => t.TeamId).ToList();
        var people = People(6);
        for (var i = 0; i < people.Count; i++)
            (await formation.Rank(people[i].PersonId, new RankThemes([ids[i % 2], ids[(i + 1) % 2]], NewKey()), ids)).Ok();

        var suggestion = await formation.Suggest(new SuggestTeams(), people, teams);
        Assert.Equal(new ChoiceReport(6, 0, 0, 0, 0), suggestion.Report);

        var names = people.ToDictionary(p => p.PersonId, p => p.Name);
        var published = (await formation.Publish(new PublishTeams(
            suggestion.Placements.Select(p => new TeamAssignment(p.Person.PersonId, p.TeamId)).ToList(), 0, "publish-1"), names, teams)).Ok();

        Assert.Equal(1, published.PublishedVersion);
        Assert.Equal([3, 3], published.Teams.Select(t => t.Members.Count));
        foreach (var placement in suggestion.Placements)
            Assert.True(await Grains.GetGrain<ITeamGrain>(placement.TeamId).IsMember(campId, placement.Person.PersonId));
    }

    [Fact]
    public async Task Publishing_moves_a_member_who_joined_another_team_and_a_retry_changes_nothing_more()
    {
        var (formation, campId, teams) = await NewCamp(2);
        var aida = Guid.NewGuid();
        var seat = Grains.GetGrain<ITeamSeatGrain>(ITeamSeatGrain.KeyFor(campId, aida));
        (await seat.Join(teams[0].TeamId, "Aida", teams.Select(t => (t.TeamId, t.Name)).ToList())).Ok();
        var names = new Dictionary<Guid, string> { [aida] = "Aida" };
        var command = new PublishTeams([new TeamAssignment(aida, teams[1].TeamId)], 0, "publish-move");

        var first = (await formation.Publish(command, names, teams)).Ok();
        var retry = (await formation.Publish(command, names, teams)).Ok();

        Assert.False(await Grains.GetGrain<ITeamGrain>(teams[0].TeamId).IsMember(campId, aida));
        Assert.True(await Grains.GetGrain<ITeamGrain>(teams[1].TeamId).IsMember(campId, aida));
        Assert.Equal(1, retry.PublishedVersion);
        Assert.Equal(first.Seq, retry.Seq);
        // The seat now names the new team: joining the old one is refused.
        (await seat.Join(teams[0].TeamId, "Aida", teams.Select(t => (t.TeamId, t.Name)).ToList())).Refused("team.already-member");
    }

    [Fact]
    public async Task After_publishing_rankings_are_refused_and_a_publication_based_on_an_old_version_is_stale()
    {
        var (formation, _, teams) = await NewCamp(2);
        var ids = teams.Select(t => t.TeamId).ToList();
        var aida = Guid.NewGuid();
        var names = new Dictionary<Guid, string> { [aida] = "Aida" };
        (await formation.Publish(new PublishTeams([new TeamAssignment(aida, ids[0])], 0, NewKey()), names, teams)).Ok();

        (await formation.Rank(aida, new RankThemes([ids[1]], NewKey()), ids)).Refused("teams.published", ErrorKind.Conflict);
        (await formation.Publish(new PublishTeams([new TeamAssignment(aida, ids[1])], 0, NewKey()), names, teams)).Refused("teams.stale");
        var again = (await formation.Publish(new PublishTeams([new TeamAssignment(aida, ids[1])], 1, NewKey()), names, teams)).Ok();
        Assert.Equal(2, again.PublishedVersion);
    }

    [Fact]
    public async Task Only_the_camps_participants_can_be_placed()
    {
        var (formation, _, teams) = await NewCamp(1);

        var refused = await formation.Publish(new PublishTeams([new TeamAssignment(Guid.NewGuid(), teams[0].TeamId)], 0, NewKey()),
            new Dictionary<Guid, string>(), teams);

        refused.Refused("teams.not-participant");
        Assert.Equal(0, (await formation.GetStatus()).PublishedVersion);
    }

    [Fact]
    public async Task Publishing_is_a_stream_event_carrying_the_teams_and_later_team_changes_follow()
    {
        var (formation, campId, teams) = await NewCamp(1);
        var aida = Guid.NewGuid();
        var timur = Guid.NewGuid();
        var before = await formation.GetStatus();
        var names = new Dictionary<Guid, string> { [aida] = "Aida", [timur] = "Timur" };
        var published = (await formation.Publish(new PublishTeams([new TeamAssignment(aida, teams[0].TeamId), new TeamAssignment(timur, teams[0].TeamId)], 0, NewKey()),
            names, teams)).Ok();
        var captain = published.Teams.Single().CaptainId!.Value;
        var other = captain == aida ? timur : aida;

        var team = Grains.GetGrain<ITeamGrain>(teams[0].TeamId);
        (await team.ChangeCaptain(other, byCaptain: other)).Refused("team.not-captain", ErrorKind.Forbidden);
        var passed = (await team.ChangeCaptain(other, byCaptain: captain)).Ok();
        await formation.TeamChanged(passed);
        await formation.TeamChanged(passed with { CaptainId = captain, Version = passed.Version - 1 });

        var events = (await formation.CatchUp(new SocialInnovation.Live.StreamPosition(before.Epoch, before.Seq))).Ok().Events;
        Assert.Equal(["published", "team"], events.Select(e => e.Kind));
        Assert.Equal(other, (await formation.GetStatus()).Teams.Single().CaptainId);
        Assert.Equal(campId, events[0].Read<FormationStatus>().CampId);
    }
}
