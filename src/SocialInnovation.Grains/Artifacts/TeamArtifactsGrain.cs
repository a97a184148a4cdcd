using SocialInnovation.Artifacts;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Live;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Artifacts;

[GenerateSerializer]
public sealed class TeamArtifactsState
{
    [Id(0)] public List<PendingUpload> Uploads { get; set; } = [];
    [Id(1)] public List<ArtifactVersion> Versions { get; set; } = [];
    [Id(2)] public Guid? JudgingDeckId { get; set; }
    [Id(3)] public IdempotencyLog Applied { get; set; } = new();
    /// <summary>Finished uploads → the version each made, so a retried "complete" answers that version.</summary>
    [Id(4)] public Dictionary<Guid, Guid> Completed { get; set; } = [];
    /// <summary>Learnt at the first upload (or the first mark); names the stream.</summary>
    [Id(5)] public Guid CampId { get; set; }
    [Id(6)] public StreamLogState Log { get; set; } = new();
}

/// <summary>A team's artifact records. Versions are only ever added: an upload never replaces one.</summary>
public sealed class TeamArtifactsGrain(
    [PersistentState("artifacts", StorageNames.State)] IPersistentState<TeamArtifactsState> state,
    TimeProvider clock) : Grain, ITeamArtifactsGrain
{
    /// <summary>Blocks of 4 MB: small enough to resend quickly on weak Wi-Fi, few enough for a 100 MB video.</summary>
    public const int BlockBytes = 4 * 1024 * 1024;

    public const string StreamKind = "artifacts";
    private StreamLog? _log;
    private TeamArtifactsState Team => state.State;

    /// <summary>The stream needs the camp id, which the grain learns at its first upload.</summary>
    private StreamLog Log => _log ??= new StreamLog(new StreamId(StreamKind, Team.CampId, this.GetPrimaryKey().ToString("N")), Team.Log,
        () => state.WriteStateAsync(), DeactivateOnIdle, this, clock);

    public async Task<Outcome<UploadTicket>> Begin(Guid campId, Guid personId, string personName, BeginUpload command, long maxBytes)
    {
        if (Shared<BeginUploadValidator>.Validator.Validate(command) is { IsValid: false } result) return DomainError.Invalid(result);
        var uploadId = Secrets.StableGuid($"upload:{this.GetPrimaryKey():N}:{command.IdempotencyKey}");
        if (Team.Applied.Find(command.IdempotencyKey) is { } applied)
        {
            if (applied.Fingerprint != Fingerprint.Of(command)) return DomainError.Conflict("idempotency.reused", "This idempotency key was already used for a different request.");
            return Team.Uploads.Find(u => u.UploadId == uploadId) is { } pending ? Ticket(pending)
                : DomainError.Conflict("artifact.upload-closed", "This upload is already finished.");
        }
        if (command.Size > maxBytes)
            return DomainError.Conflict("artifact.too-large", $"A {command.Kind.ToString().ToLowerInvariant()} may be at most {maxBytes / (1024 * 1024)} MB.");
        if (Team.CampId == Guid.Empty) Team.CampId = campId;
        if (Team.Uploads.Count >= 10) Team.Uploads.RemoveAt(0); // abandoned uploads: their staged blocks expire in storage

        var artifactId = Guid.NewGuid();
        var upload = new PendingUpload(uploadId, artifactId, campId, command.Kind, command.FileName, command.Size,
            $"camps/{campId:N}/teams/{this.GetPrimaryKey():N}/{artifactId:N}", personId, personName, clock.GetUtcNow());
        Team.Uploads.Add(upload);
        Team.Applied.Remember(command.IdempotencyKey, Fingerprint.Of(command), 0, uploadId);
        await state.Store(this);
        return Ticket(upload);
    }

    public Task<PendingUpload?> GetUpload(Guid uploadId) => Task.FromResult(Team.Uploads.Find(u => u.UploadId == uploadId));

    public async Task<Outcome<ArtifactVersion>> Complete(Guid uploadId, string contentType, string fileName, long size)
    {
        if (Team.Uploads.Find(u => u.UploadId == uploadId) is not { } upload)
        {
            var done = Team.Completed.TryGetValue(uploadId, out var artifactId) ? Team.Versions.Find(v => v.ArtifactId == artifactId) : null;
            return done is not null ? done : DomainError.NotFound("artifact.upload-unknown", "There is no such upload in progress.");
        }
        var version = new ArtifactVersion(upload.ArtifactId, upload.Kind, Team.Versions.Count(v => v.Kind == upload.Kind) + 1, fileName, contentType,
            size, upload.PersonId, upload.PersonName, clock.GetUtcNow(), upload.BlobName);
        Team.Uploads.Remove(upload);
        Team.Versions.Add(version);
        Team.Completed[uploadId] = upload.ArtifactId;
        if (Team.CampId == Guid.Empty) Team.CampId = upload.CampId;
        await Changed("VersionAdded", version.ArtifactId);
        return version;
    }

    public async Task Abandon(Guid uploadId)
    {
        if (Team.Uploads.RemoveAll(u => u.UploadId == uploadId) == 0) return;
        await state.Store(this);
    }

    public async Task<Outcome<TeamArtifacts>> MarkForJudging(Guid campId, MarkDeckForJudging command)
    {
        if (Shared<MarkDeckForJudgingValidator>.Validator.Validate(command) is { IsValid: false } result) return DomainError.Invalid(result);
        if (Team.Versions.Find(v => v.ArtifactId == command.ArtifactId) is not { Kind: ArtifactKind.Deck })
            return DomainError.NotFound("artifact.unknown", "This team has no such deck.");
        if (Team.JudgingDeckId == command.ArtifactId) return View();
        Team.JudgingDeckId = command.ArtifactId;
        if (Team.CampId == Guid.Empty) Team.CampId = campId;
        await Changed("JudgingDeckMarked", command.ArtifactId);
        return View();
    }

    public Task<TeamArtifacts> GetArtifacts() => Task.FromResult(View());

    public Task<Guid> GetCampId() => Task.FromResult(Team.CampId);

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamPosition? after) => Task.FromResult<Outcome<StreamCatchUp>>(
        Team.CampId == Guid.Empty ? DomainError.NotFound("team.unknown", "This camp has no such team.") : Log.CatchUp(after, View));

    /// <summary>
    /// Stores the change with its event (published once stored: a version is there for good only then),
    /// then tells the camp's gallery, one-way: the gallery's watchers read the team again.
    /// </summary>
    private async Task Changed(string what, Guid artifactId)
    {
        Log.Append(what, new ArtifactsChanged(what, artifactId, View()));
        await Log.Commit();
        _ = GrainFactory.GetGrain<ICampGalleryGrain>(Team.CampId).TeamChanged(this.GetPrimaryKey(), what);
    }

    private TeamArtifacts View() => new(this.GetPrimaryKey(), Team.Versions.OrderByDescending(v => v.UploadedAt).ToList(),
        Team.JudgingDeckId ?? Team.Versions.LastOrDefault(v => v.Kind == ArtifactKind.Deck)?.ArtifactId);

    private static UploadTicket Ticket(PendingUpload upload) =>
        new(upload.UploadId, upload.Kind, upload.Size, BlockBytes, (int)((upload.Size + BlockBytes - 1) / BlockBytes), upload.StartedAt);
}
