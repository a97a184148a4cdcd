using FluentValidation;
using SocialInnovation.Common;
using SocialInnovation.Live;

namespace SocialInnovation.Artifacts;

/// <summary>
/// A team's artifacts (one grain per team, keyed by the team id): uploads in progress, every stored
/// version (never overwritten), and which deck version is the one for judging. The bytes live in Azure
/// Blob storage under names this grain chooses; it keeps only their records. Owns the stream
/// <c>artifacts:&lt;camp&gt;:&lt;team&gt;</c> (a new version, the deck for judging), which it starts once it
/// knows its camp (at the first upload).
/// </summary>
public interface ITeamArtifactsGrain : IGrainWithGuidKey, IStreamOwnerGrain
{
    /// <summary>Starts an upload; a retry with the same key answers the same ticket.</summary>
    Task<Outcome<UploadTicket>> Begin(Guid campId, Guid personId, string personName, BeginUpload command, long maxBytes);

    Task<PendingUpload?> GetUpload(Guid uploadId);

    /// <summary>Records the checked blob as a new version and closes the upload. Idempotent per upload.</summary>
    Task<Outcome<ArtifactVersion>> Complete(Guid uploadId, string contentType, string fileName, long size);

    /// <summary>Closes an upload whose blob was refused (and deleted).</summary>
    Task Abandon(Guid uploadId);

    Task<Outcome<TeamArtifacts>> MarkForJudging(Guid campId, MarkDeckForJudging command);

    Task<TeamArtifacts> GetArtifacts();

    /// <summary>The camp this team's artifacts belong to; empty until the first upload.</summary>
    Task<Guid> GetCampId();
}

public enum ArtifactKind { Deck, Prototype }

[GenerateSerializer, Immutable]
public sealed record BeginUpload(ArtifactKind Kind, string FileName, long Size, string IdempotencyKey);

/// <summary>Where to send the blocks: the server chose the blob's name; blocks are numbered 0…n-1.</summary>
[GenerateSerializer, Immutable]
public sealed record UploadTicket(Guid UploadId, ArtifactKind Kind, long Size, int BlockBytes, int Blocks, DateTimeOffset StartedAt);

[GenerateSerializer, Immutable]
public sealed record PendingUpload(Guid UploadId, Guid ArtifactId, Guid CampId, ArtifactKind Kind, string FileName, long Size, string BlobName,
    Guid PersonId, string PersonName, DateTimeOffset StartedAt);

[GenerateSerializer, Immutable]
public sealed record ArtifactVersion(Guid ArtifactId, ArtifactKind Kind, int Version, string FileName, string ContentType, long Size,
    Guid UploadedBy, string UploadedByName, DateTimeOffset UploadedAt, string BlobName);

/// <param name="JudgingDeckId">The deck version the team marked for judging; by default their latest deck.</param>
[GenerateSerializer, Immutable]
public sealed record TeamArtifacts(Guid TeamId, IReadOnlyList<ArtifactVersion> Versions, Guid? JudgingDeckId);

/// <summary>
/// An event of <c>artifacts:&lt;camp&gt;:&lt;team&gt;</c> (kinds <c>VersionAdded</c>, <c>JudgingDeckMarked</c>):
/// what changed and the team's artifacts as they are now (the snapshot's shape too).
/// </summary>
public sealed record ArtifactsChanged(string What, Guid ArtifactId, TeamArtifacts Artifacts);

[GenerateSerializer, Immutable]
public sealed record CompleteUpload(int Blocks, string IdempotencyKey);

[GenerateSerializer, Immutable]
public sealed record MarkDeckForJudging(Guid ArtifactId, string IdempotencyKey);

/// <summary>A short-lived link to download one version; anyone holding it may use it until it expires.</summary>
public sealed record DownloadLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>What the server holds of an upload in progress: the blocks it already has, so a client resumes after them.</summary>
public sealed record UploadProgress(Guid UploadId, IReadOnlyList<int> StagedBlocks, long StagedBytes);

public sealed class BeginUploadValidator : AbstractValidator<BeginUpload>
{
    public BeginUploadValidator()
    {
        RuleFor(b => b.Kind).IsInEnum();
        RuleFor(b => b.FileName).NotEmpty().MaximumLength(255);
        RuleFor(b => b.Size).GreaterThan(0);
        RuleFor(b => b.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class CompleteUploadValidator : AbstractValidator<CompleteUpload>
{
    public CompleteUploadValidator()
    {
        RuleFor(c => c.Blocks).InclusiveBetween(1, 50_000);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class MarkDeckForJudgingValidator : AbstractValidator<MarkDeckForJudging>
{
    public MarkDeckForJudgingValidator()
    {
        RuleFor(m => m.ArtifactId).NotEmpty();
        RuleFor(m => m.IdempotencyKey).ValidIdempotencyKey();
    }
}
