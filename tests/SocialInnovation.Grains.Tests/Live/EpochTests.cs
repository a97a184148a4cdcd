using SocialInnovation.Camps;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Tests.Live;

/// <summary>
/// A position (epoch, seq) names one event for ever: whatever storage loses or refuses, a watcher never
/// sees a sequence number it already has come back as a different event.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EpochTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task An_event_storage_lost_is_never_reused_for_a_different_event()
    {
        await using var watcher = await RecordingNode.Register(Fixture);
        var (camp, _, _) = await NewCamp();
        var stream = CampStreams.For(camp.GetPrimaryKey()).ToString();
        var seen = (await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Applications, NewKey()), "Aigerim")).Ok();
        await watcher.WaitFor(stream, e => e.Position == new StreamPosition(seen.Epoch, seen.Seq));

        // Storage crashes and forgets that acknowledged write; the camp's next write fails on its ETag,
        // and the camp comes back from what storage still has: Draft, one event.
        Fixture.Storage.LoseLastWrite(camp.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => camp.AddTeam(new AddTeam("Bright Future", "unemployment", NewKey())));
        var redone = (await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Archived, NewKey()), "Aigerim")).Ok();
        await watcher.WaitFor(stream, e => e.Position == new StreamPosition(redone.Epoch, redone.Seq));

        Assert.Equal(seen.Seq, redone.Seq);
        Assert.NotEqual(seen.Epoch, redone.Epoch);
        Assert.All(watcher.Received(stream).GroupBy(e => e.Position), sameEvent => Assert.Single(sameEvent.DistinctBy(e => e.Payload.Json)));
        // The watcher that saw the lost event is corrected by a snapshot.
        var corrected = (await camp.CatchUp(new StreamPosition(seen.Epoch, seen.Seq))).Ok();
        Assert.Equal(CampPhase.Archived, corrected.Snapshot!.Read<CampSnapshot>().Phase);
        Assert.Equal((redone.Epoch, redone.Seq), (corrected.Epoch, corrected.Seq));
    }

    [Fact]
    public async Task A_failed_write_is_not_acknowledged_not_published_and_the_next_activation_starts_a_new_epoch()
    {
        await using var watcher = await RecordingNode.Register(Fixture);
        var (camp, _, created) = await NewCamp();
        var stream = CampStreams.For(camp.GetPrimaryKey()).ToString();

        Fixture.Storage.FailNextWrite(camp.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Applications, NewKey()), "Aigerim"));
        var moved = (await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Archived, NewKey()), "Aigerim")).Ok();

        Assert.Equal(created.Seq + 1, moved.Seq);
        Assert.True(moved.Epoch > created.Epoch);
        var received = await watcher.WaitFor(stream, e => e.Position == new StreamPosition(moved.Epoch, moved.Seq));
        Assert.DoesNotContain(received, e => e.Change().Phase == CampPhase.Applications);
    }

    [Fact]
    public async Task A_watcher_of_an_earlier_activation_gets_a_snapshot_of_the_new_epoch()
    {
        var (camp, _, created) = await NewCamp();
        Fixture.Storage.FailNextWrite(camp.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Applications, NewKey()), "Aigerim"));

        var moved = (await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Archived, NewKey()), "Aigerim")).Ok();
        var catchUp = (await camp.CatchUp(new StreamPosition(created.Epoch, created.Seq))).Ok();

        Assert.Empty(catchUp.Events);
        Assert.Equal(CampPhase.Archived, catchUp.Snapshot!.Read<CampSnapshot>().Phase);
        Assert.Equal((moved.Epoch, moved.Seq), (catchUp.Epoch, catchUp.Seq));
    }
}
