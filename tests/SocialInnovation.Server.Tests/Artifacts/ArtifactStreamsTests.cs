using SocialInnovation.Artifacts;
using SocialInnovation.Server.Tests.Mentors;

namespace SocialInnovation.Server.Tests.Artifacts;

/// <summary>The team's files and the gallery, live: <c>artifacts:&lt;camp&gt;:&lt;team&gt;</c> and <c>gallery:&lt;camp&gt;</c>.</summary>
public sealed class ArtifactStreamsTests(ArtifactsHost fixture) : IClassFixture<ArtifactsHost>
{
    private HostFixture Fixture => fixture;

    [Fact]
    public async Task A_new_version_and_a_new_deck_for_judging_reach_the_mentor_and_the_gallery_without_a_reload()
    {
        var camp = await MentoringCamp.Start(Fixture);
        await using var laptop = await LiveEvents.Connect(camp.Mentor);
        await using var projector = await LiveEvents.Connect(camp.Organizer);
        // Watched before the team's first upload: an empty snapshot, then the first version's new epoch.
        var before = await laptop.Watch($"artifacts:{camp.CampId:N}:{camp.CleanAir:N}");
        Assert.True(before.Ok);
        Assert.True((await projector.Watch($"gallery:{camp.CampId:N}")).Ok);

        var v1 = await SmallDeck.Upload(camp, "v1.pdf");
        var added = await laptop.Next(e => e.Kind == "VersionAdded");
        var galleryNews = await projector.Next(e => e.Kind == "TeamChanged");
        await SmallDeck.Upload(camp, "v2.pdf");
        await laptop.Next(e => e.Kind == "VersionAdded" && e.Read<ArtifactsChanged>().Artifacts.Versions.Count == 2);
        await camp.Aida.Post($"/api/camps/{camp.CampId}/teams/{camp.CleanAir}/artifacts/judging", new MarkDeckForJudging(v1.ArtifactId, "mark-v1"));
        var marked = await laptop.Next(e => e.Kind == "JudgingDeckMarked");

        Assert.Equal(v1.ArtifactId, added.Read<ArtifactsChanged>().ArtifactId);
        Assert.Equal("Aida", added.Read<ArtifactsChanged>().Artifacts.Versions.Single().UploadedByName);
        Assert.Equal(camp.CleanAir, galleryNews.Read<GalleryTeamChanged>().TeamId);
        Assert.Equal(v1.ArtifactId, marked.Read<ArtifactsChanged>().Artifacts.JudgingDeckId);
    }

    [Fact]
    public async Task Another_team_may_not_watch_a_teams_files_nor_a_participant_the_gallery_before_it_is_published()
    {
        var camp = await MentoringCamp.Start(Fixture);
        await using var stranger = await LiveEvents.Connect(camp.Timur);

        var files = await stranger.Watch($"artifacts:{camp.CampId:N}:{camp.CleanAir:N}");
        var closed = await stranger.Watch($"gallery:{camp.CampId:N}");
        await camp.Organizer.Post($"/api/camps/{camp.CampId}/gallery/publish", new PublishGallery(true));
        var opened = await stranger.Watch($"gallery:{camp.CampId:N}");

        Assert.Equal("access.team", files.Error?.Code);
        Assert.Equal("gallery.unpublished", closed.Error?.Code);
        Assert.True(opened.Ok);
    }
}
