using SocialInnovation.Camps;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Tests.Live;

/// <summary>Camp events reach every registered web node, through the notifier, in the order they were made.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveFanOutTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_phase_change_reaches_a_registered_web_node_with_its_seq()
    {
        await using var node = await RecordingNode.Register(Fixture);
        var (camp, _, _) = await NewCamp();

        var moved = (await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Applications, NewKey()), "Aigerim")).Ok();

        var received = await node.WaitFor(camp.GetPrimaryKey(), e => e.Seq == moved.Seq, Patience);
        var change = received.Single(e => e.Seq == moved.Seq);
        Assert.Equal(CampEventKind.PhaseChanged, change.Kind);
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

        var last = await StepForwardTo(camp, CampPhase.Judging); // six changes: seq 2 to 7

        var received = await node.WaitFor(camp.GetPrimaryKey(), e => e.Seq == last.Seq, Patience);
        Assert.Equal(7, last.Seq);
        Assert.Equal(Enumerable.Range(1, 7).Select(s => (long)s), received.Select(e => e.Seq));
        Assert.Equal(
            [CampPhase.Draft, CampPhase.Applications, CampPhase.Selection, CampPhase.Teams, CampPhase.Sprints, CampPhase.Pitches, CampPhase.Judging],
            received.Select(e => e.Phase));
    }

    [Fact]
    public async Task Every_registered_web_node_gets_the_event()
    {
        await using var first = await RecordingNode.Register(Fixture);
        await using var second = await RecordingNode.Register(Fixture);
        var (camp, _, created) = await NewCamp();

        await first.WaitFor(camp.GetPrimaryKey(), e => e.Seq == created.Seq, Patience);
        await second.WaitFor(camp.GetPrimaryKey(), e => e.Seq == created.Seq, Patience);
    }

    [Fact]
    public async Task An_unregistered_web_node_is_no_longer_listed()
    {
        var node = await RecordingNode.Register(Fixture);
        var nodes = Grains.GetGrain<ILiveNodeListGrain>(0);
        Assert.Contains(node.Reference, await nodes.GetObservers());

        await node.DisposeAsync();

        Assert.DoesNotContain(node.Reference, await nodes.GetObservers());
    }

    /// <summary>Stands in for a web node: records what the notifier sends it.</summary>
    private sealed class RecordingNode : ILiveObserver, IAsyncDisposable
    {
        private readonly List<CampEvent> _received = [];
        private readonly string _nodeId = $"test-node-{Guid.NewGuid():N}";
        private ClusterFixture _fixture = null!;

        public ILiveObserver Reference { get; private set; } = null!;

        public static async Task<RecordingNode> Register(ClusterFixture fixture)
        {
            var node = new RecordingNode { _fixture = fixture };
            node.Reference = fixture.Cluster.Client.CreateObjectReference<ILiveObserver>(node);
            await fixture.Cluster.Client.GetGrain<ILiveNodeListGrain>(0).Register(node._nodeId, node.Reference);
            return node;
        }

        public Task OnCampEvents(CampEvent[] events)
        {
            lock (_received) _received.AddRange(events);
            return Task.CompletedTask;
        }

        /// <summary>This camp's events as received, once one of them matches <paramref name="until"/>.</summary>
        public async Task<IReadOnlyList<CampEvent>> WaitFor(Guid campId, Func<CampEvent, bool> until, TimeSpan patience)
        {
            using var giveUp = new CancellationTokenSource(patience);
            while (true)
            {
                List<CampEvent> mine;
                lock (_received) mine = _received.Where(e => e.CampId == campId).ToList();
                if (mine.Any(until)) return mine;
                if (giveUp.IsCancellationRequested)
                    Assert.Fail($"The web node did not get the expected event; it got seqs [{string.Join(", ", mine.Select(e => e.Seq))}].");
                await Task.Delay(20);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _fixture.Cluster.Client.GetGrain<ILiveNodeListGrain>(0).Unregister(_nodeId);
            _fixture.Cluster.Client.DeleteObjectReference<ILiveObserver>(Reference);
        }
    }
}
