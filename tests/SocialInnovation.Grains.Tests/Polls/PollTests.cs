using SocialInnovation.Common;
using SocialInnovation.Polls;

namespace SocialInnovation.Grains.Tests.Polls;

[Collection(ClusterCollection.Name)]
public sealed class PollTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private async Task<IPollGrain> OpenPoll(int dots = 3)
    {
        var poll = Grains.GetGrain<IPollGrain>(Guid.NewGuid());
        (await poll.Open(Guid.NewGuid(), new SocialInnovation.Polls.OpenPoll("Which problems?", ["Corruption", "Unemployment", "Poverty", "Environment", "Healthcare"], dots, NewKey()))).Ok();
        return poll;
    }

    [Fact]
    public async Task Every_dot_is_counted_exactly_once_with_many_voters_retrying_at_once()
    {
        var poll = await OpenPoll();
        var voters = Enumerable.Range(0, 200).Select(i => (Id: Guid.NewGuid(), Dots: new Dictionary<string, int>
        {
            [$"o{i % 5 + 1}"] = 2,
            [$"o{(i + 1) % 5 + 1}"] = 1,
        })).ToList();

        // Each phone sends its vote three times at once, as a flaky connection would.
        await Task.WhenAll(voters.SelectMany(v => Enumerable.Range(0, 3).Select(_ => poll.Vote(v.Id, new CastDots(v.Dots, NewKey())))));

        var tally = (await poll.GetTally())!;
        Assert.Equal(200, tally.Voters);
        Assert.Equal(600, tally.Options.Sum(o => o.Dots));
        foreach (var option in tally.Options)
            Assert.Equal(voters.Sum(v => v.Dots.GetValueOrDefault(option.Id)), option.Dots);
    }

    [Fact]
    public async Task Moving_dots_replaces_the_earlier_allocation()
    {
        var poll = await OpenPoll();
        var voter = Guid.NewGuid();
        await poll.Vote(voter, new CastDots(new Dictionary<string, int> { ["o1"] = 3 }, NewKey()));

        var tally = (await poll.Vote(voter, new CastDots(new Dictionary<string, int> { ["o2"] = 1, ["o3"] = 2 }, NewKey()))).Ok();

        Assert.Equal([0, 1, 2, 0, 0], tally.Options.Select(o => o.Dots));
    }

    [Fact]
    public async Task More_dots_than_a_voter_has_are_refused()
    {
        var poll = await OpenPoll(dots: 3);

        var outcome = await poll.Vote(Guid.NewGuid(), new CastDots(new Dictionary<string, int> { ["o1"] = 2, ["o2"] = 2 }, NewKey()));

        outcome.Refused("poll.too-many-dots", ErrorKind.Conflict);
        Assert.Equal(0, (await poll.GetTally())!.Voters);
    }

    [Fact]
    public async Task After_closing_votes_no_longer_change_but_a_retried_vote_is_still_answered()
    {
        var poll = await OpenPoll();
        var voter = Guid.NewGuid();
        var dots = new Dictionary<string, int> { ["o4"] = 1 };
        await poll.Vote(voter, new CastDots(dots, NewKey()));
        await poll.Close(NewKey());

        var retried = await poll.Vote(voter, new CastDots(dots, NewKey()));
        var changed = await poll.Vote(voter, new CastDots(new Dictionary<string, int> { ["o5"] = 1 }, NewKey()));

        Assert.True(retried.Ok().Closed);
        changed.Refused("poll.closed", ErrorKind.Conflict);
        Assert.Equal(1, (await poll.GetTally())!.Options.Single(o => o.Id == "o4").Dots);
    }
}
