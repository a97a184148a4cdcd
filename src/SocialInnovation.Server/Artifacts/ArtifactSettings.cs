namespace SocialInnovation.Server.Artifacts;

/// <summary><c>Artifacts:*</c> settings: size limits per kind and the archive-bomb limits.</summary>
public sealed class ArtifactSettings
{
    public long DeckMaxBytes { get; set; } = 25L * 1024 * 1024;
    public long PrototypeMaxBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>An archive (ZIP, PPTX, APK) with more entries is refused.</summary>
    public int MaxArchiveEntries { get; set; } = 10_000;

    /// <summary>An archive whose entries would unpack to more than this is refused.</summary>
    public long MaxUncompressedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>The private container holding every artifact.</summary>
    public string Container { get; set; } = "artifacts";

    /// <summary>How long a download link works.</summary>
    public int LinkMinutes { get; set; } = 5;

    public long MaxBytes(SocialInnovation.Artifacts.ArtifactKind kind) =>
        kind == SocialInnovation.Artifacts.ArtifactKind.Deck ? DeckMaxBytes : PrototypeMaxBytes;
}
