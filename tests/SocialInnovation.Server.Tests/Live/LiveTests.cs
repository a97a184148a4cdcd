using SocialInnovation.Camps;
using SocialInnovation.Live;
using Microsoft.AspNetCore.SignalR.Client;
using SocialInnovation.People;

namespace SocialInnovation.Server.Tests.Live;

public sealed class LiveTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_phase_change_reaches_a_watching_participant_at_the_next_position()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var participant = await fixture.Member(organizer, camp.CampId, CampRole.Participant);
        await using var live = await LiveEvents.Connect(participant);
        var watch = await live.Watch(camp.CampId);
        Assert.True(watch.Ok);
        var snapshot = watch.Value!.Snapshot!.Read<CampSnapshot>();

        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        var pushed = await live.Next(CampEventKind.PhaseChanged);

        Assert.Equal($"camp:{camp.CampId:N}", pushed.Stream);
        Assert.Equal((watch.Value.Epoch, snapshot.Seq + 1), (pushed.Epoch, pushed.Seq));
        var change = pushed.Read<CampEvent>();
        Assert.Equal(CampPhase.Applications, change.Phase);
        Assert.Equal(CampPhase.Draft, change.PhaseChange!.From);
    }

    [Fact]
    public async Task A_client_that_was_away_gets_exactly_what_it_missed()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var seen = new StreamPosition(camp.Epoch, camp.Seq);
        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        await organizer.ChangePhase(camp.CampId, CampPhase.Applications, CampPhase.Selection);
        await using var live = await LiveEvents.Connect(organizer);

        var catchUp = await live.Watch(camp.CampId, seen);

        Assert.Null(catchUp.Value!.Snapshot);
        Assert.Equal([seen.Seq + 1, seen.Seq + 2], catchUp.Value.Events.Select(e => e.Seq));
        Assert.Equal(CampPhase.Selection, catchUp.Value.Events[^1].Read<CampEvent>().Phase);
    }

    [Fact]
    public async Task The_payload_reaches_the_browser_as_json_not_as_a_string()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        await using var live = await LiveEvents.Connect(organizer);

        var reply = await live.Connection.InvokeCoreAsync<System.Text.Json.JsonElement>("Watch", [CampStreams.For(camp.CampId).ToString(), null]);

        var snapshot = reply.GetProperty("value").GetProperty("snapshot");
        Assert.Equal(System.Text.Json.JsonValueKind.Object, snapshot.ValueKind);
        Assert.Equal("Draft", snapshot.GetProperty("phase").GetString());
    }

    [Fact]
    public async Task A_negative_position_gets_a_typed_error()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        await using var live = await LiveEvents.Connect(organizer);

        var reply = await live.Watch(camp.CampId, new StreamPosition(camp.Epoch, -5));

        Assert.False(reply.Ok);
        Assert.Equal("validation", reply.Error!.Code);
        Assert.False(reply.Error.Retryable);
    }
}
