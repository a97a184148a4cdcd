using SocialInnovation.Common;
using SocialInnovation.Awards;

namespace SocialInnovation.Grains.Tests.Awards;

[Collection(ClusterCollection.Name)]
public sealed class ResultsGrainTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private static readonly Guid Water = Guid.NewGuid(), Jobs = Guid.NewGuid(), Budget = Guid.NewGuid();
    private static readonly IReadOnlyList<Guid> Teams = [Water, Jobs, Budget];

    private IResultsGrain NewResults() => Grains.GetGrain<IResultsGrain>(Guid.NewGuid());

    private static SaveResults Draft(decimal pool, IReadOnlyList<MiniGrant> grants, IReadOnlyList<Award>? awards = null, long version = 0) =>
        new(awards ?? [], pool, "USD", grants, null, RevealOrder.LastToFirst, version, NewKey());

    [Fact]
    public async Task A_mini_grant_pool_is_split_among_chosen_teams_up_to_the_pool()
    {
        var results = NewResults();

        var saved = (await results.Save(Draft(5000m, [new(Water, 3000m), new(Jobs, 2000m)],
            [new(AwardKind.PeoplesChoice, "People's choice", Jobs, null), new(AwardKind.BestPrototype, "Best prototype", Water, null),
             new(AwardKind.TrackWinner, "Best water project", Water, "water"), new(AwardKind.Custom, "Best pitch", Budget, null)]), Teams, ["water"])).Ok();

        Assert.Equal(5000m, saved.Grants.Sum(g => g.Amount));
        Assert.Equal(4, saved.Awards.Count);
        Assert.Equal(1, saved.Version);
    }

    [Fact]
    public async Task Mini_grants_over_the_pool_negative_or_twice_to_a_team_are_refused()
    {
        var results = NewResults();

        var over = await results.Save(Draft(1000m, [new(Water, 600m), new(Jobs, 400.01m)]), Teams, []);
        var negative = await results.Save(Draft(1000m, [new(Water, -1m)]), Teams, []);
        var twice = await results.Save(Draft(1000m, [new(Water, 100m), new(Water, 100m)]), Teams, []);
        var stranger = await results.Save(Draft(1000m, [new(Guid.NewGuid(), 100m)]), Teams, []);

        over.Refused("grants.over-pool", ErrorKind.Conflict);
        negative.Refused("validation", ErrorKind.Invalid);
        twice.Refused("validation", ErrorKind.Invalid);
        stranger.Refused("results.team-unknown", ErrorKind.Conflict);
        Assert.Equal(0, (await results.GetDraft()).Version);
    }

    [Fact]
    public async Task Awards_must_name_a_team_of_the_camp_and_a_track_winner_a_track_of_judging()
    {
        var results = NewResults();

        var offTrack = await results.Save(Draft(0m, [], [new(AwardKind.TrackWinner, "Best water project", Water, "space")]), Teams, ["water"]);
        var noTrack = await results.Save(Draft(0m, [], [new(AwardKind.TrackWinner, "Best water project", Water, null)]), Teams, ["water"]);

        offTrack.Refused("results.track-unknown", ErrorKind.Conflict);
        noTrack.Refused("validation", ErrorKind.Invalid);
    }

    [Fact]
    public async Task A_draft_based_on_an_old_version_is_refused_and_a_retry_is_answered_once()
    {
        var results = NewResults();
        var first = Draft(100m, [new(Water, 100m)]);
        (await results.Save(first, Teams, [])).Ok();

        var retried = (await results.Save(first, Teams, [])).Ok();
        var stale = await results.Save(Draft(100m, [new(Jobs, 100m)], version: 0), Teams, []);

        Assert.Equal(1, retried.Version);
        stale.Refused("results.stale", ErrorKind.Conflict);
    }

    [Fact]
    public async Task Publishing_freezes_the_standings_and_the_draft_cannot_change_until_withdrawn()
    {
        var results = NewResults();
        (await results.Save(Draft(100m, [new(Water, 100m)]), Teams, [])).Ok();
        Standing[] standings = [new(Water, "Water", 1, 1, 1.2, 1, 10, 1, 1), new(Jobs, "Jobs", 2, 2, 0.3, 0, 5, 0.5, 0.1)];

        var published = (await results.Publish(new PublishResults(true, NewKey()), standings, 0.2)).Ok();
        var change = await results.Save(Draft(100m, [new(Jobs, 100m)], version: published.Version), Teams, []);
        var withdrawn = (await results.Publish(new PublishResults(false, NewKey()), [], 0)).Ok();

        Assert.True(published.Published);
        Assert.NotNull(published.PublishedAt);
        Assert.Equal(["Water", "Jobs"], published.Standings.Select(s => s.Name));
        Assert.Equal(0.2, published.AudienceWeight);
        change.Refused("results.published", ErrorKind.Conflict);
        Assert.False(withdrawn.Published);
        Assert.Empty(withdrawn.Standings);
        (await results.Save(Draft(100m, [new(Jobs, 100m)], version: withdrawn.Version), Teams, [])).Ok();
    }
}
