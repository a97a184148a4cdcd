using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Camps;
using SocialInnovation.Live;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Tests.Camps;

/// <summary>A watcher that (re)starts watching a camp's stream gets the events it missed, or a snapshot.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CatchUpTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task A_watcher_gets_exactly_the_events_after_the_one_it_has_in_order()
    {
        var (camp, _, created) = await NewCamp();
        var applications = await StepForwardTo(camp, CampPhase.Applications);  // seq 2
        await StepForwardTo(camp, CampPhase.Selection);                        // seq 3
        await camp.AdmitMember(Guid.NewGuid(), "Timur", CampRole.Participant);  // seq 4
        await StepForwardTo(camp, CampPhase.Teams);                            // seq 5

        var catchUp = (await camp.CatchUp(new StreamPosition(applications.Epoch, applications.Seq))).Ok();

        Assert.Null(catchUp.Snapshot);
        Assert.Equal((created.Epoch, 5L), (catchUp.Epoch, catchUp.Seq));
        Assert.Equal([3L, 4L, 5L], catchUp.Events.Select(e => e.Seq));
        Assert.Equal(
            [CampEventKind.PhaseChanged, CampEventKind.MemberJoined, CampEventKind.PhaseChanged],
            catchUp.Events.Select(e => e.CampKind()));
        Assert.Equal([CampPhase.Selection, CampPhase.Selection, CampPhase.Teams], catchUp.Events.Select(e => e.Change().Phase));
        Assert.All(catchUp.Events, e => Assert.Equal($"camp:{camp.GetPrimaryKey():N}", e.Stream));
    }

    [Fact]
    public async Task A_watcher_that_is_up_to_date_gets_no_events()
    {
        var (camp, _, created) = await NewCamp();

        var catchUp = (await camp.CatchUp(new StreamPosition(created.Epoch, created.Seq))).Ok();

        Assert.Equal((created.Seq, 0, null), (catchUp.Seq, catchUp.Events.Count, catchUp.Snapshot));
    }

    [Fact]
    public async Task A_watcher_that_starts_from_the_beginning_gets_every_kept_event()
    {
        var (camp, _, _) = await NewCamp();

        var catchUp = (await camp.CatchUp(new StreamPosition((await camp.GetSnapshot())!.Epoch, 0))).Ok();

        Assert.Equal(CampEventKind.Created, Assert.Single(catchUp.Events).CampKind());
    }

    [Fact]
    public async Task A_watcher_with_nothing_yet_gets_a_snapshot()
    {
        var (camp, _, _) = await NewCamp();
        var current = await StepForwardTo(camp, CampPhase.Applications);

        var catchUp = (await camp.CatchUp(null)).Ok();

        Assert.Empty(catchUp.Events);
        AssertSameCamp(current, catchUp.Snapshot!.Read<CampSnapshot>());
        Assert.Equal((current.Epoch, current.Seq), (catchUp.Epoch, catchUp.Seq));
    }

    [Fact]
    public async Task A_watcher_ahead_of_the_camp_gets_a_snapshot_to_correct_it()
    {
        var (camp, _, created) = await NewCamp();

        var catchUp = (await camp.CatchUp(new StreamPosition(created.Epoch, created.Seq + 5))).Ok();

        Assert.Empty(catchUp.Events);
        AssertSameCamp(created, catchUp.Snapshot!.Read<CampSnapshot>());
    }

    [Fact]
    public async Task A_watcher_at_a_position_of_another_epoch_gets_a_snapshot()
    {
        var (camp, _, created) = await NewCamp();

        var catchUp = (await camp.CatchUp(new StreamPosition(created.Epoch + 1, created.Seq))).Ok();

        Assert.Empty(catchUp.Events);
        AssertSameCamp(created, catchUp.Snapshot!.Read<CampSnapshot>());
    }

    [Fact]
    public async Task A_watcher_further_behind_than_the_kept_events_gets_a_snapshot()
    {
        var (camp, _, _) = await NewCamp();
        for (var i = 0; i < CampGrain.KeptEvents + 5; i++)
            await camp.AdmitMember(Guid.NewGuid(), $"Participant {i}", CampRole.Participant);
        var current = (await camp.GetSnapshot())!;
        var oldestKept = current.Seq - CampGrain.KeptEvents + 1;

        var tooFarBehind = (await camp.CatchUp(new StreamPosition(current.Epoch, oldestKept - 2))).Ok();
        var justInReach = (await camp.CatchUp(new StreamPosition(current.Epoch, oldestKept - 1))).Ok();

        AssertSameCamp(current, tooFarBehind.Snapshot!.Read<CampSnapshot>());
        Assert.Empty(tooFarBehind.Events);
        Assert.Null(justInReach.Snapshot);
        Assert.Equal(CampGrain.KeptEvents, justInReach.Events.Count);
        Assert.Equal(Enumerable.Range((int)oldestKept, CampGrain.KeptEvents).Select(s => (long)s), justInReach.Events.Select(e => e.Seq));
    }

    [Fact]
    public async Task Catching_up_on_a_camp_that_does_not_exist_is_refused()
    {
        var outcome = await Grains.GetGrain<ICampGrain>(Guid.NewGuid()).CatchUp(null);

        outcome.Refused("camp.unknown", ErrorKind.NotFound);
    }
}
