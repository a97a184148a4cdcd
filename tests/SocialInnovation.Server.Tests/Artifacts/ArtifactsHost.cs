namespace SocialInnovation.Server.Tests.Artifacts;

/// <summary>A node with small archive limits, so that a bomb is cheap to make in a test.</summary>
public sealed class ArtifactsHost : HostFixture
{
    public const long MaxUncompressedBytes = 8 * 1024 * 1024;
    public const int MaxArchiveEntries = 50;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Artifacts:MaxUncompressedBytes"] = MaxUncompressedBytes.ToString(),
        ["Artifacts:MaxArchiveEntries"] = MaxArchiveEntries.ToString(),
    };
}
