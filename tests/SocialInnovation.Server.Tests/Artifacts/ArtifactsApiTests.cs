using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialInnovation.Artifacts;
using SocialInnovation.Server.Artifacts;
using SocialInnovation.Server.Tests.Mentors;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Artifacts;

public sealed class ArtifactsApiTests(ArtifactsHost fixture) : IClassFixture<ArtifactsHost>
{
    private const int Block = 4 * 1024 * 1024;
    private HostFixture Fixture => fixture;

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static string Base(MentoringCamp camp) => $"/api/camps/{camp.CampId}/teams/{camp.CleanAir}/artifacts";

    private static async Task<UploadTicket> Begin(ApiClient who, MentoringCamp camp, ArtifactKind kind, string name, long size) =>
        await who.Read<UploadTicket>(await who.Post($"{Base(camp)}/uploads", new BeginUpload(kind, name, size, Guid.NewGuid().ToString("N"))));

    private static async Task SendBlock(ApiClient who, MentoringCamp camp, UploadTicket ticket, byte[] file, int index)
    {
        var content = new ByteArrayContent(file, index * Block, Math.Min(Block, file.Length - index * Block));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        (await who.Http.PutAsync($"{Base(camp)}/uploads/{ticket.UploadId}/blocks/{index}", content)).EnsureSuccessStatusCode();
    }

    private static Task<HttpResponseMessage> Complete(ApiClient who, MentoringCamp camp, UploadTicket ticket) =>
        who.Post($"{Base(camp)}/uploads/{ticket.UploadId}/complete", new CompleteUpload(ticket.Blocks, Guid.NewGuid().ToString("N")));

    private static async Task<ArtifactVersion> Upload(ApiClient who, MentoringCamp camp, ArtifactKind kind, string name, byte[] file)
    {
        var ticket = await Begin(who, camp, kind, name, file.Length);
        for (var i = 0; i < ticket.Blocks; i++) await SendBlock(who, camp, ticket, file, i);
        return await who.Read<ArtifactVersion>(await Complete(who, camp, ticket));
    }

    private static async Task<string?> Code(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<SocialInnovation.Server.Tests.Camps.Problem>(ApiClient.Json))?.Code;

    [Fact]
    public async Task A_deck_uploaded_by_the_team_is_downloaded_by_its_mentor_through_a_short_lived_link_with_a_clean_name()
    {
        var camp = await MentoringCamp.Start(Fixture);
        var file = Pdf(300_000);

        var version = await Upload(camp.Aida, camp, ArtifactKind.Deck, "../../Pitch \u202Egnp.pdf", file);
        var link = await camp.Mentor.Read<DownloadLink>(await camp.Mentor.Post($"{Base(camp)}/{version.ArtifactId}/link", null));
        var download = await Fixture.Host.Client().Http.GetAsync(link.Url);

        Assert.Equal(("Pitch gnp.pdf", "application/pdf", 1), (version.FileName, version.ContentType, version.Version));
        download.EnsureSuccessStatusCode();
        Assert.Equal(file, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("Pitch gnp.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task An_interrupted_upload_resumes_with_the_missing_blocks_and_versions_never_overwrite()
    {
        var camp = await MentoringCamp.Start(Fixture);
        var file = Pdf(Block + 1000);
        var first = await Upload(camp.Aida, camp, ArtifactKind.Deck, "deck.pdf", Pdf(1000));

        var ticket = await Begin(camp.Aida, camp, ArtifactKind.Deck, "deck.pdf", file.Length);
        await SendBlock(camp.Aida, camp, ticket, file, 1); // block 0 "lost on the Wi-Fi"
        var early = await Complete(camp.Aida, camp, ticket);
        var progress = await camp.Aida.Get<UploadProgress>($"{Base(camp)}/uploads/{ticket.UploadId}");
        await SendBlock(camp.Aida, camp, ticket, file, 0);
        var second = await camp.Aida.Read<ArtifactVersion>(await Complete(camp.Aida, camp, ticket));
        var marked = await camp.Aida.Read<TeamArtifacts>(await camp.Aida.Post($"{Base(camp)}/judging", new MarkDeckForJudging(first.ArtifactId, "mark-1")));

        Assert.Equal("artifact.incomplete", await Code(early));
        Assert.Equal([1], progress.StagedBlocks);
        Assert.Equal(file.Length, second.Size);
        Assert.Equal(2, second.Version);
        Assert.Equal([second.ArtifactId, first.ArtifactId], marked.Versions.Select(v => v.ArtifactId));
        Assert.Equal(first.ArtifactId, marked.JudgingDeckId);
        var link = await camp.Organizer.Read<DownloadLink>(await camp.Organizer.Post($"{Base(camp)}/{first.ArtifactId}/link", null));
        Assert.Equal(1000, (await Fixture.Host.Client().Http.GetByteArrayAsync(link.Url)).Length);
    }

    [Fact]
    public async Task A_renamed_executable_is_refused_and_its_blob_deleted()
    {
        var camp = await MentoringCamp.Start(Fixture);
        var exe = Pdf(5000);
        "MZ\u0090\0"u8.CopyTo(exe);
        var ticket = await Begin(camp.Aida, camp, ArtifactKind.Deck, "pitch.pdf", exe.Length);
        var blobName = (await Fixture.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITeamArtifactsGrain>(camp.CleanAir).GetUpload(ticket.UploadId))!.BlobName;
        await SendBlock(camp.Aida, camp, ticket, exe, 0);

        var refused = await Complete(camp.Aida, camp, ticket);

        Assert.Equal("artifact.type", await Code(refused));
        Assert.False(await Fixture.Host.Services.GetRequiredService<ArtifactStore>().Exists(blobName));
        Assert.Empty((await camp.Aida.Get<TeamArtifacts>(Base(camp))).Versions);
    }

    [Fact]
    public async Task An_oversized_deck_is_refused_before_any_byte_is_sent()
    {
        var camp = await MentoringCamp.Start(Fixture);

        var refused = await camp.Aida.Post($"{Base(camp)}/uploads", new BeginUpload(ArtifactKind.Deck, "huge.pdf", 25L * 1024 * 1024 + 1, "big-1"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("artifact.too-large", await Code(refused));
    }

    [Fact]
    public async Task A_prototype_has_its_own_larger_limit_of_100_MB()
    {
        var camp = await MentoringCamp.Start(Fixture);

        // Over a deck's 25 MB but within a prototype's 100 MB: the upload may begin.
        var video = await camp.Aida.Post($"{Base(camp)}/uploads", new BeginUpload(ArtifactKind.Prototype, "demo.mp4", 30L * 1024 * 1024, "video-1"));
        var refused = await camp.Aida.Post($"{Base(camp)}/uploads", new BeginUpload(ArtifactKind.Prototype, "huge.zip", 100L * 1024 * 1024 + 1, "huge-1"));

        Assert.Equal(HttpStatusCode.OK, video.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("artifact.too-large", await Code(refused));
    }

    [Fact]
    public async Task Archive_bombs_are_refused_by_unpacked_size_and_by_entry_count()
    {
        var camp = await MentoringCamp.Start(Fixture);
        byte[] Zip(int entries, int bytesEach)
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
                for (var i = 0; i < entries; i++)
                {
                    using var entry = zip.CreateEntry($"f{i}.bin", CompressionLevel.Fastest).Open();
                    entry.Write(new byte[bytesEach]);
                }
            return buffer.ToArray();
        }

        var tooBig = await Begin(camp.Aida, camp, ArtifactKind.Prototype, "app.zip", Zip(1, (int)ArtifactsHost.MaxUncompressedBytes + 1).Length);
        var big = Zip(1, (int)ArtifactsHost.MaxUncompressedBytes + 1);
        await SendBlock(camp.Aida, camp, tooBig, big, 0);
        var many = Zip(ArtifactsHost.MaxArchiveEntries + 1, 1);
        var tooMany = await Begin(camp.Aida, camp, ArtifactKind.Prototype, "app.zip", many.Length);
        await SendBlock(camp.Aida, camp, tooMany, many, 0);
        var fine = await Upload(camp.Aida, camp, ArtifactKind.Prototype, "mockups.zip", Zip(3, 1000));

        Assert.Equal("artifact.archive", await Code(await Complete(camp.Aida, camp, tooBig)));
        Assert.Equal("artifact.archive", await Code(await Complete(camp.Aida, camp, tooMany)));
        Assert.Equal("application/zip", fine.ContentType);
    }

    [Fact]
    public async Task An_archive_lying_about_its_unpacked_size_is_refused_and_its_blob_deleted()
    {
        var camp = await MentoringCamp.Start(Fixture);
        var lying = ArchiveInspectorTests.Lying(ArchiveInspectorTests.Zip(1, (int)ArtifactsHost.MaxUncompressedBytes + 1));
        var ticket = await Begin(camp.Aida, camp, ArtifactKind.Prototype, "app.apk", lying.Length);
        var blobName = (await Fixture.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITeamArtifactsGrain>(camp.CleanAir).GetUpload(ticket.UploadId))!.BlobName;
        await SendBlock(camp.Aida, camp, ticket, lying, 0);

        var refused = await Complete(camp.Aida, camp, ticket);

        Assert.Equal("artifact.archive", await Code(refused));
        Assert.False(await Fixture.Host.Services.GetRequiredService<ArtifactStore>().Exists(blobName));
        Assert.Empty((await camp.Aida.Get<TeamArtifacts>(Base(camp))).Versions);
    }

    [Fact]
    public async Task Downloads_are_refused_to_other_teams_other_camps_anonymous_callers_forged_and_expired_links()
    {
        var camp = await MentoringCamp.Start(Fixture);
        var other = await MentoringCamp.Start(Fixture);
        var version = await Upload(camp.Aida, camp, ArtifactKind.Deck, "deck.pdf", Pdf(2000));
        var links = Fixture.Host.Services.GetRequiredService<DownloadLinks>();
        var anonymous = Fixture.Host.Client();

        var otherTeam = await camp.Timur.Post($"{Base(camp)}/{version.ArtifactId}/link", null);
        // Nor through one's own team's route: the artifact is looked up in the team the route names.
        var throughOwnTeam = await camp.Timur.Post($"/api/camps/{camp.CampId}/teams/{camp.SafeRoads}/artifacts/{version.ArtifactId}/link", null);
        var throughOtherCamp = await other.Aida.Post($"/api/camps/{other.CampId}/teams/{other.CleanAir}/artifacts/{version.ArtifactId}/link", null);
        var otherCamp = await other.Mentor.Post($"{Base(camp)}/{version.ArtifactId}/link", null);
        var anonymousLink = await anonymous.Post($"{Base(camp)}/{version.ArtifactId}/link", null);
        var expired = await anonymous.Http.GetAsync($"/api/artifacts/download/{links.Token(camp.CleanAir, version.ArtifactId, DateTimeOffset.UtcNow.AddSeconds(-1))}");
        var forged = await anonymous.Http.GetAsync($"/api/artifacts/download/{camp.CleanAir:N}-{version.ArtifactId:N}");

        Assert.Equal(HttpStatusCode.Forbidden, otherTeam.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughOwnTeam.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughOtherCamp.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherCamp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousLink.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, forged.StatusCode);
    }
}
