using Microsoft.Extensions.DependencyInjection;
using SocialInnovation.Camps;
using SocialInnovation.Live;
using SocialInnovation.People;
using SocialInnovation.Server.Live;

namespace SocialInnovation.Server.Tests.Live;

public sealed partial class LimitTests
{
    /// <summary>Far more than the stuck client's socket buffers, the server's and the outbox hold.</summary>
    private const int Pushes = 200;

    [Fact]
    public async Task A_connection_that_stops_reading_is_dropped_from_live_sends_and_told_to_resync_while_others_get_every_event()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var stream = CampStreams.For(camp.CampId).ToString();
        await using var honest = await LiveEvents.Connect(organizer);
        Assert.True((await honest.Watch(camp.CampId)).Ok);
        var stuckPerson = await fixture.Member(organizer, camp.CampId, CampRole.Participant, "Stuck");
        await using var stuck = await StuckClient.Watch(fixture.Host.Address, stuckPerson.Cookies, stream);
        var node = fixture.Host.Services.GetRequiredService<LiveNode>();

        // Big events, one at a time, each received by the honest watcher before the next: it is never behind.
        var honestSeqs = new List<long>();
        for (var seq = 1; seq <= Pushes; seq++)
        {
            await node.OnStreamEvents([Big(stream, seq)]);
            honestSeqs.Add((await honest.Next(e => e.Stream == stream && e.Epoch == Epoch)).Seq);
        }
        var stuckSaw = await stuck.ReadUntil(e => e.Kind == StreamEnvelope.ResetKind);

        Assert.Equal(Enumerable.Range(1, Pushes).Select(i => (long)i), honestSeqs);
        var events = stuckSaw.Where(e => e.Kind != StreamEnvelope.ResetKind).Select(e => e.Seq).ToList();
        Assert.True(events.Count < Pushes, "the stuck connection was sent everything");
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events); // what it got, it got in order
        Assert.Equal((stream, 0L), (stuckSaw[^1].Stream, stuckSaw[^1].Epoch));
    }

    /// <summary>An epoch no real camp has, so the camp's own events (none here) cannot be confused with these.</summary>
    private const long Epoch = 1_000_000;

    private static StreamEnvelope Big(string stream, long seq) =>
        new(stream, Epoch, seq, DateTimeOffset.UtcNow, "Padding", RawJson.From(new { text = new string('x', 64 * 1024) }));
}
