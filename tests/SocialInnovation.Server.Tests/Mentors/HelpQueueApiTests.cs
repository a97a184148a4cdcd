using System.Net;
using SocialInnovation.Mentors;
using SocialInnovation.Server.Mentors;

namespace SocialInnovation.Server.Tests.Mentors;

public sealed class HelpQueueApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_team_raises_a_hand_the_mentor_takes_it_and_the_teams_phone_sees_the_feedback_live()
    {
        var camp = await MentoringCamp.Start(fixture, "android");
        await using var phone = await LiveEvents.Connect(camp.Aida);
        await using var laptop = await LiveEvents.Connect(camp.Mentor);
        Assert.True((await phone.Watch($"queue:{camp.CampId:N}")).Ok);
        Assert.True((await laptop.Watch($"queue:{camp.CampId:N}")).Ok);
        Assert.True((await phone.Watch($"mentoring:{camp.CampId:N}:{camp.CleanAir:N}")).Ok);

        var raised = await camp.Aida.Read<HelpRequest>(await camp.Aida.Post($"/api/camps/{camp.CampId}/teams/{camp.CleanAir}/queue",
            new RaiseHand("Our APK crashes on start", ["android"], "hand-1")));
        await laptop.Next(e => e.Kind == "HandRaised");
        var taken = await camp.Mentor.Read<TakenRequest>(await camp.Mentor.Post($"/api/camps/{camp.CampId}/queue/take", new TakeRequest(null, "take-1")));
        await phone.Next(e => e.Kind == "RequestTaken");
        var session = taken.Session;
        (await camp.Mentor.Post($"/api/camps/{camp.CampId}/teams/{camp.CleanAir}/sessions/{session.SessionId}/notes",
            new WriteNotes(session.SessionId, "Check the manifest permissions.", "", session.Version, "notes-1"))).EnsureSuccessStatusCode();

        var notes = await phone.Next(e => e.Kind == "NotesWritten");
        Assert.Equal(raised.RequestId, taken.Request.RequestId);
        Assert.Equal("Check the manifest permissions.", notes.Read<SessionChanged>().Session.Notes);
        var retried = await camp.Mentor.Read<TakenRequest>(await camp.Mentor.Post($"/api/camps/{camp.CampId}/queue/take", new TakeRequest(null, "take-1")));
        Assert.Equal(session.SessionId, retried.Session.SessionId);
        Assert.Equal([camp.CleanAir], (await camp.Organizer.Get<List<MentorTeamRecord>>($"/api/camps/{camp.CampId}/mentors/records"))
            .Select(r => r.TeamId).Distinct());
    }

    [Fact]
    public async Task Another_team_may_neither_watch_nor_tick_a_teams_sessions()
    {
        var camp = await MentoringCamp.Start(fixture);
        await using var stranger = await LiveEvents.Connect(camp.Timur);

        var watch = await stranger.Watch($"mentoring:{camp.CampId:N}:{camp.CleanAir:N}");
        var tick = await camp.Timur.Post($"/api/camps/{camp.CampId}/teams/{camp.CleanAir}/sessions/{Guid.NewGuid()}/tick",
            new TickActionItem(Guid.Empty, Guid.NewGuid(), true, "tick-1"));

        Assert.Equal("access.team", watch.Error?.Code);
        Assert.Equal(HttpStatusCode.Forbidden, tick.StatusCode);
    }
}
