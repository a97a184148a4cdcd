using Microsoft.Extensions.DependencyInjection;
using SocialInnovation.Live;
using SocialInnovation.People;

namespace SocialInnovation.Server.Tests.Live;

/// <summary>A stream kind defined outside the server (<see cref="TeamNotesStream"/>) is watched and pushed like the camp's.</summary>
public sealed class StreamKindTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_stream_kind_added_by_a_capability_is_watched_and_pushed_without_touching_the_hub()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var mentor = await fixture.Member(organizer, camp.CampId, CampRole.Mentor);
        var stream = $"{TeamNotesStream.Kind}:{camp.CampId:N}:team-7";
        await using var live = await LiveEvents.Connect(mentor);

        var watch = await live.Watch(stream.ToUpperInvariant());
        // As a stream's owning grain in this process hands its events over (StreamLog.Publish).
        fixture.Host.Services.GetRequiredService<Grains.Live.ILocalLiveNode>().Push(
            [new StreamEnvelope(stream, 1, 1, DateTimeOffset.UtcNow, "NoteAdded", RawJson.From(new TeamNotesStream.NoteAdded("Interview 5 teachers")))]);
        var pushed = await live.Next(e => e.Stream == stream);

        Assert.True(watch.Ok, watch.Error?.Code);
        Assert.Empty(watch.Value!.Snapshot!.Read<TeamNotesStream.Notes>().Lines);
        Assert.Equal(("NoteAdded", "Interview 5 teachers"), (pushed.Kind, pushed.Read<TeamNotesStream.NoteAdded>().Line));
    }

    [Fact]
    public async Task A_role_the_stream_kind_does_not_allow_is_refused_though_the_camp_stream_is_open_to_it()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var participant = await fixture.Member(organizer, camp.CampId, CampRole.Participant);
        await using var live = await LiveEvents.Connect(participant);

        var notes = await live.Watch($"{TeamNotesStream.Kind}:{camp.CampId:N}:team-7");
        var campStream = await live.Watch(camp.CampId);

        Assert.Equal("access.role", notes.Error?.Code);
        Assert.True(campStream.Ok);
    }
}
