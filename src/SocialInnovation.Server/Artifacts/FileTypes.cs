using SocialInnovation.Artifacts;

namespace SocialInnovation.Server.Artifacts;

/// <summary>
/// What a file is, from its first bytes and (for ZIP-based formats) its entry list — never from its
/// name. A renamed .exe starts with "MZ" and matches nothing allowed.
/// </summary>
public static class FileTypes
{
    public sealed record Detected(string ContentType, string Extension);

    public static readonly Detected Pdf = new("application/pdf", ".pdf");
    public static readonly Detected Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly Detected Apk = new("application/vnd.android.package-archive", ".apk");
    public static readonly Detected Zip = new("application/zip", ".zip");
    public static readonly Detected Png = new("image/png", ".png");
    public static readonly Detected Jpeg = new("image/jpeg", ".jpg");
    public static readonly Detected Gif = new("image/gif", ".gif");
    public static readonly Detected Webp = new("image/webp", ".webp");
    public static readonly Detected Mp4 = new("video/mp4", ".mp4");

    /// <summary>The types each kind takes.</summary>
    public static IReadOnlySet<Detected> Allowed(ArtifactKind kind) => kind == ArtifactKind.Deck
        ? new HashSet<Detected> { Pdf, Pptx }
        : new HashSet<Detected> { Pdf, Zip, Apk, Png, Jpeg, Gif, Webp, Mp4 };

    /// <summary>The type by magic bytes; ZIP-based types are told apart by <see cref="Archive"/>.</summary>
    public static Detected? FromHead(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return Png;
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return Jpeg;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return Webp;
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)) return Mp4;
        if (head.StartsWith("PK\u0003\u0004"u8)) return Zip;
        return null;
    }

    public sealed record ArchiveCheck(Detected? Type, string? Refusal);

    /// <summary>
    /// Refuses an archive bomb — too many entries, or more unpacked bytes than the limit, counted while
    /// really inflating every entry (<see cref="ArchiveInspector"/>) — and tells PPTX and APK from a plain ZIP.
    /// </summary>
    public static async Task<ArchiveCheck> Archive(Stream seekable, ArtifactSettings limits)
    {
        var inspected = await ArchiveInspector.Inspect(seekable, limits.MaxArchiveEntries, limits.MaxUncompressedBytes);
        if (inspected.Refusal is { } refusal) return new(null, refusal);
        var names = inspected.Names.ToHashSet(StringComparer.Ordinal);
        if (names.Contains("[Content_Types].xml") && names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal))) return new(Pptx, null);
        if (names.Contains("AndroidManifest.xml") && names.Contains("classes.dex")) return new(Apk, null);
        return new(Zip, null);
    }
}
