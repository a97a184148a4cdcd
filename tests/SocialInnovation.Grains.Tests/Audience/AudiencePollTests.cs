using SocialInnovation.Audience;
using SocialInnovation.Common;
using SocialInnovation.Polls;

namespace SocialInnovation.Grains.Tests.Audience;

[Collection(ClusterCollection.Name)]
public sealed class AudiencePollTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private static readonly string[] Teams = ["Clean Water", "Green Jobs", "Open Budget", "Safe Streets"];

    private async Task<IAudiencePollGrain> Open(int maxChoices = 1, bool hidden = false)
    {
        var poll = Grains.GetGrain<IAudiencePollGrain>(Guid.NewGuid());
        (await poll.OpenForAudience(Guid.NewGuid(), new OpenAudiencePoll("People's choice", AudiencePollKind.Question, Teams, maxChoices, hidden, false, NewKey()),
            Teams, null, "ABC234")).Ok();
        return poll;
    }

    private static CastAudienceVote Vote(string key, params string[] choices) => new("device-token-0123456789", choices, key);

    private static async Task<T?> Quietly<T>(Task<T> call) where T : class
    {
        try { return await call; }
        catch (Exception) { return null; }
    }

    [Fact]
    public async Task Every_accepted_vote_is_counted_exactly_once_with_many_voters_retrying_at_once_in_few_writes()
    {
        var poll = await Open();
        Fixture.Storage.SlowWrites(poll.GetGrainId(), TimeSpan.FromMilliseconds(20));
        var writesBefore = Fixture.Storage.Writes(poll.GetGrainId()) + Fixture.PollJournal.Appends(poll.GetGrainId());
        var voters = Enumerable.Range(0, 600).Select(i => (Id: Guid.NewGuid(), Key: NewKey(), Choice: $"o{i % 4 + 1}")).ToList();

        // Every phone sends its vote three times at once with the same key, as a flaky connection would.
        var receipts = await Task.WhenAll(voters.SelectMany(v => Enumerable.Range(0, 3).Select(_ => poll.CastVote(v.Id, Vote(v.Key, v.Choice)))));

        Assert.All(receipts, r => Assert.True(r.IsOk));
        var tally = (await poll.GetForOrganizer())!.Tally;
        Assert.Equal(600, tally.Voters);
        Assert.Equal([150, 150, 150, 150], tally.Options.Select(o => o.Dots));
        // Group commit: the burst was stored in far fewer writes than votes.
        Assert.True(Fixture.Storage.Writes(poll.GetGrainId()) + Fixture.PollJournal.Appends(poll.GetGrainId()) - writesBefore < 200,
            "votes were not batched into shared writes");
    }

    [Fact]
    public async Task A_device_has_one_vote_and_a_late_retry_of_its_first_vote_does_not_undo_its_change()
    {
        var poll = await Open();
        var device = Guid.NewGuid();
        var first = NewKey();
        await poll.CastVote(device, Vote(first, "o1"));
        var changed = (await poll.CastVote(device, Vote(NewKey(), "o3"))).Ok();

        var lateRetry = (await poll.CastVote(device, Vote(first, "o1"))).Ok();

        Assert.Equal(["o3"], changed.Choices);
        Assert.True(lateRetry.Replayed);
        Assert.Equal(["o3"], lateRetry.Choices);
        var tally = (await poll.GetForOrganizer())!.Tally;
        Assert.Equal(1, tally.Voters);
        Assert.Equal([0, 0, 1, 0], tally.Options.Select(o => o.Dots));
    }

    [Fact]
    public async Task Counts_stay_hidden_from_the_audience_until_the_organizer_reveals_them()
    {
        var poll = await Open(hidden: true);
        await poll.CastVote(Guid.NewGuid(), Vote(NewKey(), "o2"));
        await poll.CastVote(Guid.NewGuid(), Vote(NewKey(), "o2"));

        var before = (await poll.GetForAudience())!;
        var organizer = (await poll.GetForOrganizer())!;
        var pollView = (await Grains.GetGrain<IPollGrain>(poll.GetPrimaryKey()).GetTally())!;
        await poll.Reveal();
        var after = (await poll.GetForAudience())!;

        Assert.True(before.Audience.Hidden);
        Assert.True(before.Tally.Hidden);
        Assert.Equal(2, before.Tally.Voters);
        Assert.All(before.Tally.Options, o => Assert.Equal(0, o.Dots));
        Assert.All(pollView.Options, o => Assert.Equal(0, o.Dots));
        Assert.Equal(2, organizer.Tally.Options.Single(o => o.Id == "o2").Dots);
        Assert.False(after.Audience.Hidden);
        Assert.Equal(2, after.Tally.Options.Single(o => o.Id == "o2").Dots);
    }

    [Fact]
    public async Task A_multiple_choice_poll_counts_each_pick_once_and_refuses_too_many()
    {
        var poll = await Open(maxChoices: 2);
        await poll.CastVote(Guid.NewGuid(), Vote(NewKey(), "o1", "o4"));

        var tooMany = await poll.CastVote(Guid.NewGuid(), Vote(NewKey(), "o1", "o2", "o3"));
        var unknown = await poll.CastVote(Guid.NewGuid(), Vote(NewKey(), "o9"));

        tooMany.Refused("poll.too-many-choices", ErrorKind.Conflict);
        unknown.Refused("poll.option-unknown", ErrorKind.Conflict);
        Assert.Equal([1, 0, 0, 1], (await poll.GetForOrganizer())!.Tally.Options.Select(o => o.Dots));
    }

    [Fact]
    public async Task A_voter_may_change_their_vote_a_bounded_number_of_times_and_not_after_closing()
    {
        var poll = await Open();
        var device = Guid.NewGuid();
        for (var i = 0; i < SocialInnovation.Grains.Polls.PollGrain.MaxVotesPerVoter; i++) (await poll.CastVote(device, Vote(NewKey(), $"o{i % 4 + 1}"))).Ok();

        var once = await poll.CastVote(device, Vote(NewKey(), "o1"));
        await Grains.GetGrain<IPollGrain>(poll.GetPrimaryKey()).Close(NewKey());
        var afterClose = await poll.CastVote(Guid.NewGuid(), Vote(NewKey(), "o1"));

        once.Refused("poll.too-many-changes", ErrorKind.Conflict);
        afterClose.Refused("poll.closed", ErrorKind.Conflict);
        Assert.Equal(1, (await poll.GetForOrganizer())!.Tally.Voters);
    }

    [Fact]
    public async Task A_vote_whose_write_failed_is_not_acknowledged_and_its_retry_counts_once()
    {
        var poll = await Open();
        var device = Guid.NewGuid();
        var key = NewKey();
        Fixture.Storage.FailNextWrite(poll.GetGrainId());

        var failed = await Quietly(poll.CastVote(device, Vote(key, "o2")));
        Outcome<AudienceVoteReceipt>? retried = null;
        for (var attempt = 0; attempt < 20 && retried is not { IsOk: true }; attempt++) retried = await Quietly(poll.CastVote(device, Vote(key, "o2")));

        Assert.Null(failed);
        Assert.False(retried!.Value!.Replayed);
        var tally = (await poll.GetForOrganizer())!.Tally;
        Assert.Equal(1, tally.Voters);
        Assert.Equal(1, tally.Options.Single(o => o.Id == "o2").Dots);
    }

    [Fact]
    public async Task Dots_cannot_be_cast_on_an_audience_poll()
    {
        var poll = await Open();

        var dots = await Grains.GetGrain<IPollGrain>(poll.GetPrimaryKey()).Vote(Guid.NewGuid(), new CastDots(new Dictionary<string, int> { ["o1"] = 1 }, NewKey()));

        dots.Refused("poll.audience", ErrorKind.Conflict);
    }

    [Fact]
    public async Task A_join_code_belongs_to_the_first_poll_that_claims_it()
    {
        var code = Grains.GetGrain<IAudienceCodeGrain>(Guid.NewGuid().ToString("N")[..6]);
        var (camp, first, second) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        Assert.True(await code.Claim(camp, first));
        Assert.True(await code.Claim(camp, first));
        Assert.False(await code.Claim(camp, second));
        Assert.Equal(first, (await code.Resolve())!.PollId);
    }
}
