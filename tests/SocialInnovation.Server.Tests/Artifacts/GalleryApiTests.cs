using System.Net;
using SocialInnovation.Artifacts;
using SocialInnovation.Mentors;
using SocialInnovation.Server.Artifacts;
using SocialInnovation.Server.Mentors;
using SocialInnovation.Server.Tests.Mentors;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Artifacts;

public sealed class GalleryApiTests(ArtifactsHost fixture) : IClassFixture<ArtifactsHost>
{
    private HostFixture Fixture => fixture;

    [Fact]
    public async Task Participants_see_the_gallery_with_the_current_deck_only_after_the_organizer_publishes_it()
    {
        var camp = await MentoringCamp.Start(Fixture);
        await SmallDeck.Upload(camp, "v1.pdf");
        var current = await SmallDeck.Upload(camp, "v2.pdf");
        var gallery = $"/api/camps/{camp.CampId}/gallery";

        var closed = await camp.Timur.Http.GetAsync(gallery);
        var mentorsView = await camp.Mentor.Get<Gallery>(gallery);
        await camp.Organizer.Post($"{gallery}/publish", new PublishGallery(true));
        var opened = await camp.Timur.Get<Gallery>(gallery);
        var link = await camp.Timur.Read<DownloadLink>(await camp.Timur.Post($"{gallery}/{camp.CleanAir}/{current.ArtifactId}/link", null));
        var oldVersion = mentorsView.Teams.Single(t => t.TeamId == camp.CleanAir).Deck!.ArtifactId == current.ArtifactId;

        Assert.Equal(HttpStatusCode.Forbidden, closed.StatusCode);
        Assert.True(oldVersion);
        Assert.True(opened.Status.Published);
        Assert.Equal("v2.pdf", opened.Teams.Single(t => t.TeamId == camp.CleanAir).Deck!.FileName);
        Assert.Equal(HttpStatusCode.OK, (await Fixture.Host.Client().Http.GetAsync(link.Url)).StatusCode);
    }

    [Fact]
    public async Task The_overview_counts_sessions_per_team_and_load_per_mentor_and_lists_a_mentor_without_a_profile_yet()
    {
        var camp = await MentoringCamp.Start(Fixture);
        await Fixture.Member(camp.Organizer, camp.CampId, SocialInnovation.People.CampRole.Mentor, "Zarina");
        await camp.Mentor.Post($"/api/camps/{camp.CampId}/teams/{camp.CleanAir}/sessions", new OpenSession("Pitch review", "open-1"));

        var overview = await camp.Organizer.Get<MentoringOverview>($"/api/camps/{camp.CampId}/mentoring/overview");

        Assert.Equal([("Safe Roads", 0), ("Clean Air", 1)], overview.Teams.Select(t => (t.Name, t.Sessions)));
        Assert.Equal([("Farrukh", 1), ("Zarina", 0)], overview.Mentors.Select(m => (m.Name, m.Sessions)));
        var farrukh = overview.Mentors[0];
        Assert.Equal((1, 1, 1), (farrukh.Sessions, farrukh.OpenSessions, farrukh.TeamsSeen));
    }

    [Fact]
    public async Task A_team_nobody_has_opened_yet_can_book_a_mentor_and_be_mentored()
    {
        var camp = await MentoringCamp.Start(Fixture);
        var fresh = (await camp.Organizer.Read<SocialInnovation.Camps.CampSnapshot>(await camp.Organizer.Post($"/api/camps/{camp.CampId}/teams",
            new SocialInnovation.Camps.AddTeam("Quiet Team", "Poverty", "team-quiet")))).Teams.Single(t => t.Name == "Quiet Team").TeamId;

        var session = await camp.Mentor.Post($"/api/camps/{camp.CampId}/teams/{fresh}/sessions", new OpenSession("Hallway talk", "open-quiet"));

        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
    }
}
