using System.IO.Compression;
using SocialInnovation.Artifacts;
using SocialInnovation.Server.Artifacts;

namespace SocialInnovation.Server.Tests.Artifacts;

/// <summary>
/// Every type issue 17 names is told by its bytes (the name plays no part), each kind takes only its own
/// types, and a PPTX or APK that is an archive bomb is refused like a ZIP. The upload tests cover the
/// same checks end to end for a PDF, a ZIP, an APK and a renamed .exe.
/// </summary>
public sealed class FileTypesTests
{
    public static TheoryData<string, byte[]> Heads => new()
    {
        { "application/pdf", "%PDF-1.7\n"u8.ToArray() },
        { "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] },
        { "image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1] },
        { "image/gif", [.. "GIF89a"u8, 1, 0, 1, 0] },
        { "image/webp", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8] },
        { "video/mp4", [0, 0, 0, 0x18, .. "ftypmp42"u8, 0, 0, 0, 0] },
        { "application/zip", [.. "PK"u8, 3, 4, 0x14, 0, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void A_file_is_told_by_its_first_bytes(string contentType, byte[] head) =>
        Assert.Equal(contentType, FileTypes.FromHead(head)?.ContentType);

    [Fact]
    public void A_renamed_executable_or_a_text_file_matches_no_allowed_type()
    {
        Assert.Null(FileTypes.FromHead([.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0]));
        Assert.Null(FileTypes.FromHead([0x7F, .. "ELF"u8, 2, 1, 1, 0]));
        Assert.Null(FileTypes.FromHead("<html><body>pitch</body>"u8));
    }

    [Fact]
    public void A_deck_takes_only_PDF_and_PPTX_and_a_prototype_everything_but_PPTX()
    {
        Assert.Equal(new[] { "application/pdf", FileTypes.Pptx.ContentType }, FileTypes.Allowed(ArtifactKind.Deck).Select(t => t.ContentType).Order());
        Assert.DoesNotContain(FileTypes.Pptx, FileTypes.Allowed(ArtifactKind.Prototype));
        Assert.Contains(FileTypes.Mp4, FileTypes.Allowed(ArtifactKind.Prototype));
        Assert.DoesNotContain(FileTypes.Zip, FileTypes.Allowed(ArtifactKind.Deck));
    }

    [Fact]
    public async Task PPTX_and_APK_are_told_from_a_plain_ZIP_by_their_entries()
    {
        var limits = new ArtifactSettings();
        Assert.Equal(FileTypes.Pptx, (await FileTypes.Archive(Archive("[Content_Types].xml", "ppt/presentation.xml", "ppt/slides/slide1.xml"), limits)).Type);
        Assert.Equal(FileTypes.Apk, (await FileTypes.Archive(Archive("AndroidManifest.xml", "classes.dex", "res/icon.png"), limits)).Type);
        Assert.Equal(FileTypes.Zip, (await FileTypes.Archive(Archive("index.html", "app.js"), limits)).Type);
    }

    [Fact]
    public async Task A_PPTX_or_APK_that_unpacks_past_the_limit_or_has_too_many_entries_is_refused()
    {
        var limits = new ArtifactSettings { MaxUncompressedBytes = 64 * 1024, MaxArchiveEntries = 20 };
        var bigSlides = Archive(100 * 1024, "[Content_Types].xml", "ppt/presentation.xml");
        var manyApk = Archive(1, ["AndroidManifest.xml", "classes.dex", .. Enumerable.Range(0, 30).Select(i => $"res/{i}.png")]);

        var slides = await FileTypes.Archive(bigSlides, limits);
        var apk = await FileTypes.Archive(manyApk, limits);

        Assert.Null(slides.Type);
        Assert.NotNull(slides.Refusal);
        Assert.Null(apk.Type);
        Assert.NotNull(apk.Refusal);
    }

    private static MemoryStream Archive(params string[] names) => Archive(16, names);

    /// <summary>A ZIP with the given entries, each of <paramref name="bytesEach"/> zero bytes (which deflate to almost nothing).</summary>
    private static MemoryStream Archive(int bytesEach, params string[] names)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in names)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(new byte[bytesEach]);
            }
        buffer.Position = 0;
        return buffer;
    }
}
