using SocialInnovation.Artifacts;
using SocialInnovation.Common;

namespace SocialInnovation.Server.Artifacts;

/// <summary>
/// The checks before a file becomes a version: every block present and the size within the kind's
/// limit (before commit), then the type by its bytes and, for archives, the bomb limits (after commit,
/// reading the stored blob); a refused blob is deleted at once.
/// </summary>
public static class ArtifactChecks
{
    public static async Task<Outcome<(FileTypes.Detected Type, string FileName, long Size)>> CheckAndCommit(
        ArtifactStore store, ArtifactSettings settings, PendingUpload upload, int blocks)
    {
        var staged = await store.Staged(upload.BlobName);
        var missing = Enumerable.Range(0, blocks).Where(i => !staged.ContainsKey(i)).ToList();
        if (missing.Count > 0)
            return DomainError.Conflict("artifact.incomplete", $"Blocks {string.Join(", ", missing.Take(10))} have not arrived; send them and complete again.");
        var size = Enumerable.Range(0, blocks).Sum(i => staged[i]);
        var max = settings.MaxBytes(upload.Kind);
        if (size > max)
            return DomainError.Conflict("artifact.too-large", $"A {upload.Kind.ToString().ToLowerInvariant()} may be at most {max / (1024 * 1024)} MB.");

        await store.Commit(upload.BlobName, blocks, "application/octet-stream", "attachment");
        var refusal = await Check(store, settings, upload, size);
        if (refusal.Error is not null) await store.Delete(upload.BlobName);
        return refusal;
    }

    private static async Task<Outcome<(FileTypes.Detected, string, long)>> Check(ArtifactStore store, ArtifactSettings settings, PendingUpload upload, long size)
    {
        var type = FileTypes.FromHead(await store.Head(upload.BlobName, 64));
        if (type == FileTypes.Zip)
        {
            await using var stream = await store.OpenRead(upload.BlobName);
            var archive = await FileTypes.Archive(stream, settings);
            if (archive.Refusal is { } bomb) return DomainError.Conflict("artifact.archive", bomb);
            type = archive.Type;
        }
        if (type is null || !FileTypes.Allowed(upload.Kind).Contains(type))
            return DomainError.Conflict("artifact.type", upload.Kind == ArtifactKind.Deck
                ? "A pitch deck must be a PDF or PPTX file."
                : "A prototype must be an image (PNG, JPEG, GIF, WebP), PDF, ZIP, APK or MP4 video.");
        return (type, FileNames.Sanitize(upload.FileName, type.Extension), size);
    }
}
