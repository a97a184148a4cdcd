using Orleans.Core.Internal;
using SocialInnovation.Audience;
using SocialInnovation.Common;
using SocialInnovation.Grains.Polls;
using SocialInnovation.Polls;

namespace SocialInnovation.Grains.Tests.Audience;

/// <summary>
/// A vote is acknowledged once its journal row is stored, not the whole poll; the poll is stored whole in the
/// background once the journal holds enough votes. Whatever was acknowledged is there after the poll's
/// activation ends, a retry of it counts once, and a vote whose row was not stored is not there.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class VoteJournalTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private static readonly string[] Teams = ["Clean Water", "Green Jobs", "Open Budget", "Safe Streets"];

    private async Task<(IAudiencePollGrain Poll, Guid CampId)> Open()
    {
        var campId = Guid.NewGuid();
        var poll = Grains.GetGrain<IAudiencePollGrain>(Guid.NewGuid());
        (await poll.OpenForAudience(campId, new OpenAudiencePoll("People's choice", AudiencePollKind.Question, Teams, 1, false, false, NewKey()),
            Teams, null, "ABC234")).Ok();
        return (poll, campId);
    }

    private static Task<Outcome<AudienceVoteReceipt>> Vote(IAudiencePollGrain poll, Guid voter, string choice, string? key = null) =>
        poll.CastVote(voter, new CastAudienceVote("device-token-0123456789", [choice], key ?? NewKey()));

    private static async Task<long> Epoch(IAudiencePollGrain poll, Guid campId) =>
        (await poll.AsReference<IPollGrain>().CatchUp(campId, null)).Ok().Epoch;

    /// <summary>Ends the poll's activation; the next call reads what storage holds.</summary>
    private static async Task<PollTally> Reactivated(IAudiencePollGrain poll, Guid campId)
    {
        var before = await Epoch(poll, campId);
        await poll.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.True(await Epoch(poll, campId) > before, "the poll was not reactivated");
        return (await poll.GetForOrganizer())!.Tally;
    }

    private Task<PollState> StoredWhole(IAudiencePollGrain poll) => Fixture.ReadStored<PollState>(poll, "poll");

    [Fact]
    public async Task Votes_stored_only_in_the_journal_are_all_there_after_the_poll_is_reactivated_and_a_retry_counts_once()
    {
        var (poll, campId) = await Open();
        var stored = await StoredWhole(poll);
        var voters = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < voters.Count; i++) (await Vote(poll, voters[i], $"o{i % 4 + 1}")).Ok();
        var lastKey = NewKey();
        (await Vote(poll, voters[0], "o4", lastKey)).Ok(); // a changed mind: the latest pick replaces the first
        var before = (await poll.GetForOrganizer())!.Tally;

        var after = await Reactivated(poll, campId);

        Assert.Equal(stored.Version, (await StoredWhole(poll)).Version); // votes did not rewrite the poll
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), Fixture.PollJournal.Entries(poll.GetGrainId()).Select(e => e.Seq));
        Assert.Equal(10, after.Voters);
        Assert.Equal([2, 3, 2, 3], after.Options.Select(o => o.Dots));
        Assert.Equal(before.Options.Select(o => o.Dots), after.Options.Select(o => o.Dots));
        Assert.Equal(before.Version, after.Version);
        // The keys survived too: the retry is answered as before, not counted again nor counted as a change.
        var retried = (await Vote(poll, voters[0], "o4", lastKey)).Ok();
        Assert.True(retried.Replayed);
        Assert.Equal(2, retried.Changes);
        Assert.Equal(after.Version, (await poll.GetForOrganizer())!.Tally.Version);
    }

    [Fact]
    public async Task Once_the_journal_holds_enough_votes_the_poll_is_stored_whole_and_the_rows_it_covers_are_dropped()
    {
        var (poll, campId) = await Open();
        var votes = PollGrain.MinCompactAfter + 5;
        for (var i = 0; i < votes; i++) (await Vote(poll, Guid.NewGuid(), $"o{i % 4 + 1}")).Ok();
        var before = (await poll.GetForOrganizer())!.Tally;

        var after = await Reactivated(poll, campId); // a deactivation lets the whole write under way finish
        var whole = await StoredWhole(poll);

        Assert.True(whole.JournalSeq >= PollGrain.MinCompactAfter, "the poll was never stored whole");
        Assert.True(whole.Votes.Count >= PollGrain.MinCompactAfter);
        Assert.All(Fixture.PollJournal.Entries(poll.GetGrainId()), e => Assert.True(e.Seq > whole.JournalSeq)); // what the poll covers is dropped
        Assert.True(Fixture.PollJournal.Entries(poll.GetGrainId()).Count < votes);
        Assert.Equal(votes, after.Voters);
        Assert.Equal(before.Options.Select(o => o.Dots), after.Options.Select(o => o.Dots));
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Votes_are_acknowledged_while_the_poll_is_being_stored_whole_none_waits_for_that_write()
    {
        var (poll, campId) = await Open();
        var stored = await StoredWhole(poll);
        var votes = PollGrain.MinCompactAfter + 5;
        var release = Fixture.Storage.HoldWrites(poll.GetGrainId());
        try
        {
            // Past MinCompactAfter the poll's whole write starts and hangs; were any answer waiting for it, this would not return.
            for (var i = 0; i < votes; i++) (await Vote(poll, Guid.NewGuid(), $"o{i % 4 + 1}")).Ok();
            Assert.Equal(stored.JournalSeq, (await StoredWhole(poll)).JournalSeq);
            Assert.Equal(votes, Fixture.PollJournal.Entries(poll.GetGrainId()).Count);
        }
        finally
        {
            release();
        }

        var after = await Reactivated(poll, campId);

        Assert.True((await StoredWhole(poll)).JournalSeq >= PollGrain.MinCompactAfter, "the poll was not stored whole once the journal held enough");
        Assert.Equal(votes, after.Voters);
    }

    [Fact]
    public async Task A_vote_whose_row_was_not_stored_is_refused_changes_the_epoch_is_absent_after_reactivation_and_its_retry_counts_once()
    {
        var (poll, campId) = await Open();
        (await Vote(poll, Guid.NewGuid(), "o1")).Ok();
        var epoch = await Epoch(poll, campId);
        var voter = Guid.NewGuid();
        var key = NewKey();

        Fixture.Storage.FailNextWrite(poll.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => Vote(poll, voter, "o2", key));
        var tally = (await poll.GetForOrganizer())!.Tally;

        Assert.True(await Epoch(poll, campId) > epoch, "watchers could keep a tally that was never stored");
        Assert.Equal(1, tally.Voters);
        Assert.Equal([1, 0, 0, 0], tally.Options.Select(o => o.Dots));
        // Its key was never stored either: the retry is applied now, once.
        var retried = (await Vote(poll, voter, "o2", key)).Ok();
        Assert.False(retried.Replayed);
        (await Vote(poll, voter, "o2", key)).Ok();
        var after = await Reactivated(poll, campId);
        Assert.Equal(2, after.Voters);
        Assert.Equal([1, 1, 0, 0], after.Options.Select(o => o.Dots));
    }

    [Fact]
    public async Task Dot_votes_and_a_withdrawn_allocation_are_journaled_and_restored_too()
    {
        var campId = Guid.NewGuid();
        var poll = Grains.GetGrain<IPollGrain>(Guid.NewGuid());
        (await poll.Open(campId, new OpenPoll("Which problem first?", ["Water", "Jobs", "Budget"], 3, NewKey()))).Ok();
        var (ann, ben) = (Guid.NewGuid(), Guid.NewGuid());
        (await poll.Vote(ann, new CastDots(new Dictionary<string, int> { ["o1"] = 2, ["o2"] = 1 }, NewKey()))).Ok();
        (await poll.Vote(ben, new CastDots(new Dictionary<string, int> { ["o3"] = 3 }, NewKey()))).Ok();
        (await poll.Vote(ben, new CastDots(new Dictionary<string, int>(), NewKey()))).Ok(); // withdrawn
        var before = (await poll.GetTally())!;

        await poll.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var after = (await poll.GetTally())!;

        Assert.Equal(3, Fixture.PollJournal.Entries(poll.GetGrainId()).Count);
        Assert.Equal(1, after.Voters);
        Assert.Equal([2, 1, 0], after.Options.Select(o => o.Dots));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(new Dictionary<string, int> { ["o1"] = 2, ["o2"] = 1 }, await poll.GetAllocation(ann));
    }
}
