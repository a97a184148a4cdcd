using SocialInnovation.Camps;
using SocialInnovation.People;

namespace SocialInnovation.Server.Tests.Live;

public sealed class LiveTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_phase_change_reaches_a_watching_participant_with_the_next_sequence_number()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var participant = await fixture.Member(organizer, camp.CampId, CampRole.Participant);
        await using var live = await LiveEvents.Connect(participant);
        var watch = await live.Watch(camp.CampId);
        Assert.True(watch.Ok);
        var seq = watch.Value!.Snapshot!.Seq;

        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        var pushed = await live.Next(e => e.Kind == CampEventKind.PhaseChanged);

        Assert.Equal(seq + 1, pushed.Seq);
        Assert.Equal(CampPhase.Applications, pushed.Phase);
        Assert.Equal(CampPhase.Draft, pushed.PhaseChange!.From);
    }

    [Fact]
    public async Task A_client_that_was_away_gets_exactly_what_it_missed()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var seenSeq = camp.Seq;
        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        await organizer.ChangePhase(camp.CampId, CampPhase.Applications, CampPhase.Selection);
        await using var live = await LiveEvents.Connect(organizer);

        var catchUp = await live.Watch(camp.CampId, seenSeq);

        Assert.Null(catchUp.Value!.Snapshot);
        Assert.Equal([seenSeq + 1, seenSeq + 2], catchUp.Value.Events.Select(e => e.Seq));
        Assert.Equal(CampPhase.Selection, catchUp.Value.Events[^1].Phase);
    }

    [Fact]
    public async Task A_negative_sequence_number_gets_a_typed_error()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        await using var live = await LiveEvents.Connect(organizer);

        var reply = await live.Watch(camp.CampId, -5);

        Assert.False(reply.Ok);
        Assert.Equal("validation", reply.Error!.Code);
    }
}
