using SocialInnovation.Camps;
using SocialInnovation.Live;
using SocialInnovation.People;
using SocialInnovation.Polls;

namespace SocialInnovation.Server.Tests.Polls;

/// <summary>A poll's tally is a coalescing stream: watchers get whole tallies, in order, ending at the latest.</summary>
public sealed class PollStreamTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_member_watching_a_poll_ends_at_the_latest_tally_however_fast_votes_come()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var poll = await organizer.Read<PollTally>(await organizer.Post($"/api/camps/{camp.CampId}/polls", new OpenPoll("Which problems?", ["Water", "Jobs", "Roads"], 3, "poll-stream")));
        // Dots are taken in the Teams phase only.
        foreach (var (from, to) in new[] { (CampPhase.Draft, CampPhase.Applications), (CampPhase.Applications, CampPhase.Selection), (CampPhase.Selection, CampPhase.Teams) })
            await organizer.ChangePhase(camp.CampId, from, to);
        var voter = await fixture.Member(organizer, camp.CampId, CampRole.Participant, "Voter");
        var judge = await fixture.Member(organizer, camp.CampId, CampRole.Judge, "Watcher");
        await using var live = await LiveEvents.Connect(judge);
        var watch = await live.Watch(PollStreams.For(camp.CampId, poll.PollId).ToString());
        Assert.True(watch.Ok, watch.Error?.Code);

        // One voter moving their dots around as fast as the server answers: 20 changes.
        var allocations = Enumerable.Range(0, 20).Select(i => new Dictionary<string, int> { [$"o{i % 3 + 1}"] = i % 3 + 1 }).ToList();
        PollTally last = null!;
        foreach (var (dots, i) in allocations.Select((d, i) => (d, i)))
            last = await voter.Read<PollTally>(await voter.Post($"/api/camps/{camp.CampId}/polls/{poll.PollId}/votes", new CastDots(dots, $"vote-{i}")));
        var seen = new List<StreamEnvelope>();
        while (seen.Count == 0 || seen[^1].Read<PollTally>().Version < last.Version) seen.Add(await live.Next(_ => true));

        Assert.Equivalent(last.Options, seen[^1].Read<PollTally>().Options);
        Assert.All(seen, e => Assert.Equal("Tally", e.Kind));
        Assert.Equal(Enumerable.Range(1, seen.Count).Select(i => watch.Value!.Seq + i), seen.Select(e => e.Seq));
    }
}
