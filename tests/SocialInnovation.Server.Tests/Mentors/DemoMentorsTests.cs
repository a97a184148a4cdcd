using SocialInnovation.Artifacts;
using SocialInnovation.Camps;
using SocialInnovation.Mentors;
using SocialInnovation.Server.Artifacts;
using SocialInnovation.Server.Mentors;
using SocialInnovation.Server.Session;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Mentors;

public sealed class DemoMentorsTests
{
    [Fact]
    public async Task The_demo_camp_has_mentors_booked_slots_a_waiting_team_past_sessions_and_a_real_deck_for_every_team()
    {
        await using var host = await PlatformHost.Start(PlatformHost.NewWorld(), seedDemo: true,
            settings: new Dictionary<string, string?> { ["Demo:Intake"] = "false" });
        var organizer = host.Client();
        await organizer.SignInOrganizer();
        var campId = (await organizer.Get<MeView>("/api/me")).Camps.Single(c => c.Name == "TechBootCamp demo").CampId;

        var mentors = await organizer.Get<List<MentorCalendar>>($"/api/camps/{campId}/mentors");
        var queue = await organizer.Get<QueueView>($"/api/camps/{campId}/queue");
        var overview = await organizer.Get<MentoringOverview>($"/api/camps/{campId}/mentoring/overview");
        var gallery = await organizer.Get<Gallery>($"/api/camps/{campId}/gallery");
        var deck = gallery.Teams.Single(t => t.Name == "Open Budget").Deck!;
        var link = await organizer.Read<DownloadLink>(await organizer.Post($"/api/camps/{campId}/gallery/{gallery.Teams.Single(t => t.Name == "Open Budget").TeamId}/{deck.ArtifactId}/link", null));
        var pdf = await host.Client().Http.GetByteArrayAsync(link.Url);

        Assert.Equal(2, mentors.Count);
        // The camp page's "Mentors: N" counts the camp's members with the mentor role: the two demo mentors are.
        Assert.Equal(2, (await organizer.Get<CampSnapshot>($"/api/camps/{campId}")).Members.Mentors);
        Assert.Equal(2, mentors.SelectMany(m => m.Slots).Count(s => s.TeamId is not null));
        Assert.Equal("Clinic Finder", queue.Requests.Single(r => r.Status == HelpRequestStatus.Waiting).TeamName);
        var session = overview.Teams.Single(t => t.Name == "Open Budget");
        Assert.Equal((1, 5.0), (session.Sessions, session.AverageStars!.Value));
        Assert.Equal(3, overview.Teams.Sum(t => t.Sessions));
        Assert.Equal(0, overview.Teams.Sum(t => t.OpenSessions));
        Assert.All(overview.Mentors, m => Assert.True(m.Sessions > 0, $"{m.Name} has no past session"));
        Assert.All(gallery.Teams.Where(t => t.Name is "Open Budget" or "Clean Air" or "Clinic Finder" or "First Job"),
            t => Assert.Equal("application/pdf", t.Deck?.ContentType));
        Assert.Equal("Clean Air pitch v2.pdf", gallery.Teams.Single(t => t.Name == "Clean Air").Deck!.FileName);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.Equal("image/png", gallery.Teams.Single(t => t.Name == "Clean Air").Prototypes.Single().ContentType);

        // The past sessions lasted as long as a camp's do, so the waiting team's estimate reads like a real
        // camp's (not "about 1 min" from sessions that started and ended in the same second).
        foreach (var team in overview.Teams.Where(t => t.Sessions > 0))
        {
            var past = await organizer.Get<TeamSessions>($"/api/camps/{campId}/teams/{team.TeamId}/sessions");
            Assert.All(past.Sessions, s => Assert.InRange((s.EndedAt!.Value - s.StartedAt).TotalMinutes, 10, 25));
        }
        Assert.InRange(queue.AverageHandlingMinutes, 10, 25);
        var waiting = queue.Requests.Single(r => r.Status == HelpRequestStatus.Waiting);
        Assert.InRange(QueueMath.EstimatedWaitMinutes(QueueMath.PlaceOf(queue, waiting.RequestId), queue.AverageHandlingMinutes, queue.MentorsOnDuty), 10, 25);
    }
}
