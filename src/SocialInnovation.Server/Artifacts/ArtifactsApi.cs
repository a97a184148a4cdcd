using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Artifacts;
using SocialInnovation.Common;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;
using SocialInnovation.Server.Hosting;
using SocialInnovation.Server.Mentors;
using SocialInnovation.Grains.Artifacts;

namespace SocialInnovation.Server.Artifacts;

/// <summary>
/// Prototypes and pitch decks, streamed through the server into a private blob container in 4 MB
/// blocks: begin (the server names the blob), send blocks (any order, again after a failure), ask which
/// blocks arrived (to resume), complete (checks, then commit; a refused file is deleted).
/// </summary>
public static class ArtifactsApi
{
    public static RouteGroupBuilder MapArtifactsApi(this RouteGroupBuilder api)
    {
        var artifacts = api.MapGroup("/camps/{campId:guid}/teams/{teamId:guid}/artifacts").WithTags("Artifacts");
        artifacts.MapGet("/", List).InTeam(CampRole.Mentor, CampRole.Judge, CampRole.Organizer).WithSummary("The team's artifacts: every version, and the deck for judging");
        artifacts.MapPost("/uploads", Begin).InTeam().WithSummary("Start uploading a deck or prototype (size checked against the kind's limit)");
        artifacts.MapGet("/uploads/{uploadId:guid}", Progress).InTeam().WithSummary("Which blocks of an upload arrived, to resume it");
        artifacts.MapPut("/uploads/{uploadId:guid}/blocks/{index:int}", Block).InTeam().BodyLimit(TeamArtifactsGrain.BlockBytes)
            .WithSummary("Send one block (4 MB, the last one shorter); sending it again replaces it");
        artifacts.MapPost("/uploads/{uploadId:guid}/complete", Complete).InTeam().WithSummary("Check the file (type by its bytes, size, archive bomb) and keep it as a new version");
        artifacts.MapPost("/judging", MarkForJudging).InTeam().WithSummary("Mark which deck version is the one for judging");
        artifacts.MapPost("/{artifactId:guid}/link", Link).InTeam(CampRole.Mentor, CampRole.Judge, CampRole.Organizer).WithSummary("A download link valid for a few minutes");

        api.MapGet("/artifacts/download/{token}", Download).Anyone().Produces(StatusCodes.Status200OK, typeof(byte[]), "application/octet-stream").WithTags("Artifacts").WithSummary("Download through a short-lived link");
        return api;
    }

    private static ITeamArtifactsGrain Team(IGrainFactory grains, Guid teamId) => grains.GetGrain<ITeamArtifactsGrain>(teamId);

    private static async Task<Results<Ok<TeamArtifacts>, Refusal>> List(Guid campId, Guid teamId, IGrainFactory grains) =>
        await MentorsApi.TeamOf(grains, campId, teamId) is null ? Problems.From(MentorsApi.UnknownTeam) : TypedResults.Ok(await Team(grains, teamId).GetArtifacts());

    private static async Task<Results<Ok<UploadTicket>, Refusal>> Begin(Guid campId, Guid teamId, BeginUpload command, HttpContext http, IGrainFactory grains, ArtifactSettings settings)
    {
        if (await MentorsApi.TeamOf(grains, campId, teamId) is null) return Problems.From(MentorsApi.UnknownTeam);
        var caller = http.Caller();
        return Problems.Ok(await Team(grains, teamId).Begin(campId, caller.PersonId, caller.Name, command, settings.MaxBytes(command.Kind)));
    }

    private static async Task<Results<Ok<UploadProgress>, Refusal>> Progress(Guid campId, Guid teamId, Guid uploadId, IGrainFactory grains, ArtifactStore store)
    {
        if (await Pending(grains, campId, teamId, uploadId) is not { } upload) return Problems.From(UnknownUpload);
        var staged = await store.Staged(upload.BlobName);
        return TypedResults.Ok(new UploadProgress(uploadId, staged.Keys.Order().ToList(), staged.Values.Sum()));
    }

    private static async Task<Results<Ok<UploadProgress>, Refusal>> Block(Guid campId, Guid teamId, Guid uploadId, int index, HttpRequest request,
        IGrainFactory grains, ArtifactStore store)
    {
        if (await Pending(grains, campId, teamId, uploadId) is not { } upload) return Problems.From(UnknownUpload);
        var blocks = (int)((upload.Size + TeamArtifactsGrain.BlockBytes - 1) / TeamArtifactsGrain.BlockBytes);
        if (index < 0 || index >= blocks) return Problems.From(DomainError.Conflict("artifact.block", $"This upload has blocks 0 to {blocks - 1}."));
        // Buffered so that storage gets a length and a retry of the block never sends half of it.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        if (buffer.Length == 0) return Problems.From(DomainError.Conflict("artifact.block", "The block is empty."));
        buffer.Position = 0;
        await store.StageBlock(upload.BlobName, index, buffer);
        return TypedResults.Ok(new UploadProgress(uploadId, [index], buffer.Length));
    }

    private static async Task<Results<Ok<ArtifactVersion>, Refusal>> Complete(Guid campId, Guid teamId, Guid uploadId, CompleteUpload command,
        IGrainFactory grains, ArtifactStore store, ArtifactSettings settings)
    {
        if (await MentorsApi.TeamOf(grains, campId, teamId) is null) return Problems.From(MentorsApi.UnknownTeam);
        var team = Team(grains, teamId);
        if (await team.GetUpload(uploadId) is not { } upload)
            return Problems.Ok(await team.Complete(uploadId, "", "", 0)); // finished already: a retry answers the version
        var checkedFile = await ArtifactChecks.CheckAndCommit(store, settings, upload, command.Blocks);
        if (checkedFile.Error is { } refused)
        {
            if (refused.Code != "artifact.incomplete") await team.Abandon(uploadId);
            return Problems.From(refused);
        }
        var (type, fileName, size) = checkedFile.Value!;
        return Problems.Ok(await team.Complete(uploadId, type.ContentType, fileName, size));
    }

    private static async Task<Results<Ok<TeamArtifacts>, Refusal>> MarkForJudging(Guid campId, Guid teamId, MarkDeckForJudging command, IGrainFactory grains) =>
        await MentorsApi.TeamOf(grains, campId, teamId) is null ? Problems.From(MentorsApi.UnknownTeam) : Problems.Ok(await Team(grains, teamId).MarkForJudging(campId, command));

    private static async Task<Results<Ok<DownloadLink>, Refusal>> Link(Guid campId, Guid teamId, Guid artifactId, IGrainFactory grains,
        DownloadLinks links, ArtifactSettings settings, TimeProvider clock)
    {
        if (await MentorsApi.TeamOf(grains, campId, teamId) is null) return Problems.From(MentorsApi.UnknownTeam);
        if ((await Team(grains, teamId).GetArtifacts()).Versions.All(v => v.ArtifactId != artifactId)) return Problems.From(UnknownArtifact);
        var expires = clock.GetUtcNow().AddMinutes(settings.LinkMinutes);
        return TypedResults.Ok(new DownloadLink($"/api/artifacts/download/{links.Token(teamId, artifactId, expires)}", expires));
    }

    private static async Task<IResult> Download(string token, IGrainFactory grains, DownloadLinks links, ArtifactStore store, HttpContext http)
    {
        if (links.Read(token) is not var (teamId, artifactId))
            return Problems.From(DomainError.Gone("artifact.link-expired", "This download link has expired or is not valid. Ask for a new one."));
        if ((await Team(grains, teamId).GetArtifacts()).Versions.FirstOrDefault(v => v.ArtifactId == artifactId) is not { } version)
            return Problems.From(UnknownArtifact);
        http.Response.Headers.ContentDisposition = FileNames.Disposition(version.FileName);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Stream(await store.OpenRead(version.BlobName), version.ContentType);
    }

    private static async Task<PendingUpload?> Pending(IGrainFactory grains, Guid campId, Guid teamId, Guid uploadId) =>
        await Team(grains, teamId).GetUpload(uploadId) is { } upload && upload.CampId == campId ? upload : null;

    private static readonly DomainError UnknownUpload = DomainError.NotFound("artifact.upload-unknown", "There is no such upload in progress.");
    private static readonly DomainError UnknownArtifact = DomainError.NotFound("artifact.unknown", "This team has no such artifact.");
}
