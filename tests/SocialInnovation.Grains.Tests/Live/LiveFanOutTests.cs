using SocialInnovation.Camps;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Tests.Live;

/// <summary>Stream events reach every registered web node, through the notifier, in the order they were made.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveFanOutTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task A_phase_change_reaches_a_registered_web_node_in_its_envelope()
    {
        await using var node = await RecordingNode.Register(Fixture);
        var (camp, _, _) = await NewCamp();
        var stream = CampStreams.For(camp.GetPrimaryKey()).ToString();

        var moved = (await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Applications, NewKey()), "Aigerim")).Ok();

        var received = await node.WaitFor(stream, e => e.Seq == moved.Seq);
        var envelope = received.Single(e => e.Seq == moved.Seq);
        Assert.Equal((stream, moved.Epoch, nameof(CampEventKind.PhaseChanged)), (envelope.Stream, envelope.Epoch, envelope.Kind));
        var change = envelope.Change();
        Assert.Equal(CampPhase.Applications, change.Phase);
        Assert.Equal(moved.AllowedPhases, change.AllowedPhases);
        Assert.Equal((CampPhase.Draft, CampPhase.Applications, "Aigerim"),
            (change.PhaseChange!.From, change.PhaseChange.To, change.PhaseChange.ByName));
    }

    [Fact]
    public async Task A_burst_of_changes_to_one_camp_arrives_in_seq_order()
    {
        await using var node = await RecordingNode.Register(Fixture);
        var (camp, _, _) = await NewCamp();
        var stream = CampStreams.For(camp.GetPrimaryKey()).ToString();

        var last = await StepForwardTo(camp, CampPhase.Judging); // six changes: seq 2 to 7

        var received = (await node.WaitFor(stream, e => e.Seq == last.Seq)).DistinctBy(e => e.Position).ToList();
        Assert.Equal(7, last.Seq);
        Assert.Equal(Enumerable.Range(1, 7).Select(s => (long)s), received.Select(e => e.Seq));
        Assert.Equal(
            [CampPhase.Draft, CampPhase.Applications, CampPhase.Selection, CampPhase.Teams, CampPhase.Sprints, CampPhase.Pitches, CampPhase.Judging],
            received.Select(e => e.Change().Phase));
    }

    [Fact]
    public async Task Every_registered_web_node_gets_the_event()
    {
        await using var first = await RecordingNode.Register(Fixture);
        await using var second = await RecordingNode.Register(Fixture);
        var (camp, _, created) = await NewCamp();
        var stream = CampStreams.For(camp.GetPrimaryKey()).ToString();

        await first.WaitFor(stream, e => e.Seq == created.Seq);
        await second.WaitFor(stream, e => e.Seq == created.Seq);
    }

    [Fact]
    public async Task An_unregistered_web_node_is_no_longer_listed()
    {
        var node = await RecordingNode.Register(Fixture);
        var nodes = Grains.GetGrain<ILiveNodeListGrain>(0);
        Assert.Contains(node.Reference, (await nodes.GetNodes()).Nodes.Select(n => n.Observer));

        await node.DisposeAsync();

        Assert.DoesNotContain(node.Reference, (await nodes.GetNodes()).Nodes.Select(n => n.Observer));
    }
}
