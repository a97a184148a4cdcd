using SocialInnovation.Common;
using SocialInnovation.Mentors;

namespace SocialInnovation.Grains.Tests.Mentors;

[Collection(ClusterCollection.Name)]
public sealed class HelpQueueTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private IHelpQueueGrain NewQueue() => Grains.GetGrain<IHelpQueueGrain>(Guid.NewGuid());

    private static RaiseHand Hand(string topic, params string[] tags) => new(topic, tags, NewKey());

    private async Task<HelpRequest> Raise(IHelpQueueGrain queue, string team, params string[] tags)
    {
        var request = (await queue.Raise(Guid.NewGuid(), team, Hand($"{team} needs help", tags))).Ok();
        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        return request;
    }

    [Fact]
    public async Task A_mentor_takes_the_longest_waiting_request_that_matches_their_tags()
    {
        var queue = NewQueue();
        var design = await Raise(queue, "Clean Air", "ux");
        var backend = await Raise(queue, "Safe Roads", "backend");
        var anything = await Raise(queue, "Green Bazaar");

        var first = (await queue.Take(Guid.NewGuid(), "Dilnoza", ["backend"], new TakeRequest(null, NewKey()))).Ok();
        var second = (await queue.Take(Guid.NewGuid(), "Farrukh", ["android"], new TakeRequest(null, NewKey()))).Ok();
        var third = await queue.Take(Guid.NewGuid(), "Farrukh", ["android"], new TakeRequest(null, NewKey()));

        Assert.Equal(backend.RequestId, first.RequestId);
        Assert.Equal(anything.RequestId, second.RequestId);
        third.Refused("queue.none-matching");
        Assert.Equal(1, QueueMath.PlaceOf(await queue.GetView(), design.RequestId));
    }

    [Fact]
    public async Task Two_mentors_taking_one_request_at_once_get_it_once()
    {
        var queue = NewQueue();
        var request = await Raise(queue, "Clean Air", "ux");

        var takes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            queue.Take(Guid.NewGuid(), $"Mentor {i}", ["ux"], new TakeRequest(request.RequestId, NewKey()))));

        Assert.Single(takes, t => t.IsOk);
        Assert.All(takes.Where(t => !t.IsOk), t => t.Refused("queue.taken", ErrorKind.Conflict));
    }

    [Fact]
    public async Task A_team_has_one_hand_up_at_a_time_and_a_retry_is_the_same_hand()
    {
        var queue = NewQueue();
        var team = Guid.NewGuid();
        var hand = Hand("Our APK crashes", "android");

        var first = (await queue.Raise(team, "Clean Air", hand)).Ok();
        var retry = (await queue.Raise(team, "Clean Air", hand)).Ok();
        var second = await queue.Raise(team, "Clean Air", Hand("Another thing"));

        Assert.Equal(first.RequestId, retry.RequestId);
        second.Refused("queue.already-raised");
        Assert.Single((await queue.GetView()).Requests);
    }

    [Fact]
    public async Task The_estimated_wait_follows_recent_handling_times_and_the_mentors_on_duty()
    {
        var queue = NewQueue();
        var mentor = Guid.NewGuid();
        foreach (var minutes in new[] { 10, 20 })
        {
            var handled = await Raise(queue, $"Team {minutes}");
            await queue.Take(mentor, "Farrukh", [], new TakeRequest(handled.RequestId, NewKey()));
            Fixture.Clock.Advance(TimeSpan.FromMinutes(minutes));
            await queue.Finish(handled.RequestId);
        }
        await Raise(queue, "Clean Air");
        var third = await Raise(queue, "Safe Roads");

        var view = await queue.GetView();

        Assert.Equal(15, view.AverageHandlingMinutes);
        Assert.Equal(1, view.MentorsOnDuty);
        Assert.Equal(2, QueueMath.PlaceOf(view, third.RequestId));
        Assert.Equal(30, QueueMath.EstimatedWaitMinutes(2, view.AverageHandlingMinutes, view.MentorsOnDuty));
        Assert.Equal(15, QueueMath.EstimatedWaitMinutes(2, view.AverageHandlingMinutes, mentorsOnDuty: 2));
    }

    [Fact]
    public async Task A_request_nobody_takes_within_the_limit_is_flagged_once()
    {
        var queue = NewQueue();
        var before = await queue.GetView();
        var request = await Raise(queue, "Clean Air");

        Fixture.Clock.Advance(TimeSpan.FromMinutes(before.FlagAfterMinutes - 1));
        Assert.Equal(0, await queue.FlagOverdue());
        Fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await queue.FlagOverdue());
        Assert.Equal(0, await queue.FlagOverdue());

        var caught = (await queue.CatchUp(new SocialInnovation.Live.StreamPosition(before.Epoch, before.Seq))).Ok();
        Assert.Equal(["HandRaised", "RequestFlagged"], caught.Events.Select(e => e.Kind));
        Assert.True(caught.Events[^1].Read<QueueChanged>().Request.Flagged);
        Assert.Equal(request.RequestId, caught.Events[^1].Read<QueueChanged>().Request.RequestId);
    }

    [Fact]
    public async Task A_waiting_hand_can_be_lowered_but_not_once_taken()
    {
        var queue = NewQueue();
        var team = Guid.NewGuid();
        var first = (await queue.Raise(team, "Clean Air", Hand("Pitch order"))).Ok();
        (await queue.Withdraw(team, new WithdrawHand(first.RequestId, NewKey()))).Ok();
        var second = (await queue.Raise(team, "Clean Air", Hand("Pitch order, again"))).Ok();
        await queue.Take(Guid.NewGuid(), "Farrukh", [], new TakeRequest(null, NewKey()));

        (await queue.Withdraw(team, new WithdrawHand(second.RequestId, NewKey()))).Refused("queue.not-waiting");
    }
}
