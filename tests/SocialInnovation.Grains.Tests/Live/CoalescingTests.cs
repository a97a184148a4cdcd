using Orleans.Core.Internal;
using SocialInnovation.Live;
using SocialInnovation.Polls;

namespace SocialInnovation.Grains.Tests.Live;

/// <summary>
/// A coalescing stream (a poll's tally) pushes the whole latest state at most once per interval, not one
/// event per change. In these tests the interval is an hour (see <see cref="ClusterFixture"/>), so it
/// ends only when the test deactivates the owner.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CoalescingTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task A_burst_of_votes_reaches_watchers_as_one_latest_tally_not_one_push_per_vote()
    {
        await using var watcher = await RecordingNode.Register(Fixture);
        var (poll, stream) = await OpenPoll();
        await watcher.WaitFor(stream, e => e.Read<PollTally>().Voters == 0); // the first change goes out at once

        var votes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => poll.Vote(Guid.NewGuid(), new CastDots(new Dictionary<string, int> { ["o1"] = 1 }, NewKey()))));
        await poll.AsReference<IGrainManagementExtension>().DeactivateOnIdle(); // the interval "ends"
        var received = await watcher.WaitFor(stream, e => e.Read<PollTally>().Voters == 50);

        Assert.All(votes, v => v.Ok());
        Assert.Equal([0, 50], received.Select(e => e.Read<PollTally>().Voters));
        Assert.Equal([1L, 2L], received.Select(e => e.Seq)); // contiguous: watchers never see a gap
        Assert.Single(received.Select(e => e.Epoch).Distinct());
        Assert.All(received, e => Assert.Equal("Tally", e.Kind));
    }

    [Fact]
    public async Task A_watcher_catching_up_gets_the_latest_tally_even_before_it_was_pushed()
    {
        var (poll, _) = await OpenPoll();
        var opened = (await poll.CatchUp(_campId, null)).Ok();
        await poll.Vote(Guid.NewGuid(), new CastDots(new Dictionary<string, int> { ["o2"] = 2 }, NewKey()));

        var caughtUp = (await poll.CatchUp(_campId, null)).Ok();

        Assert.Equal(2, caughtUp.Snapshot!.Read<PollTally>().Options.Single(o => o.Id == "o2").Dots);
        Assert.Equal(opened.Position, caughtUp.Position); // the vote's push waits for the interval; its state does not
    }

    [Fact]
    public async Task A_poll_is_watched_only_through_its_own_camp()
    {
        var (poll, _) = await OpenPoll();

        (await poll.CatchUp(Guid.NewGuid(), null)).Refused("poll.unknown");
    }

    private readonly Guid _campId = Guid.NewGuid();

    private async Task<(IPollGrain Poll, string Stream)> OpenPoll()
    {
        var pollId = Guid.NewGuid();
        var poll = Grains.GetGrain<IPollGrain>(pollId);
        (await poll.Open(_campId, new OpenPoll("Problems", ["Water", "Jobs"], 3, NewKey()))).Ok();
        return (poll, PollStreams.For(_campId, pollId).ToString());
    }
}
