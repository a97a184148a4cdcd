using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Artifacts;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;

namespace SocialInnovation.Server.Artifacts;

/// <summary>
/// The camp's gallery: each team's current deck (the one marked for judging) and its prototypes (the
/// newest version of each file name). Mentors, judges and organizers see it always; the camp's
/// participants once the organizer publishes it. Downloads go through the same short-lived links.
/// </summary>
public static class GalleryApi
{
    public static RouteGroupBuilder MapGalleryApi(this RouteGroupBuilder api)
    {
        var gallery = api.MapGroup("/camps/{campId:guid}/gallery").WithTags("Artifacts");
        gallery.MapGet("/", Get).InCamp().WithSummary("Every team's current deck and prototypes (participants: once published)");
        gallery.MapPost("/publish", Publish).InCamp(CampRole.Organizer).WithSummary("Open the gallery to every member of the camp, or close it again");
        gallery.MapPost("/{teamId:guid}/{artifactId:guid}/link", Link).InCamp().WithSummary("A short-lived link to a file shown in the gallery");
        return api;
    }

    private static async Task<Results<Ok<Gallery>, Refusal>> Get(Guid campId, HttpContext http, IGrainFactory grains)
    {
        var status = await grains.GetGrain<ICampGalleryGrain>(campId).GetStatus();
        if (Closed(http, status)) return Problems.From(Unpublished);
        var teams = (await grains.GetGrain<ICampGrain>(campId).GetSnapshot())?.Teams ?? [];
        var shown = await Task.WhenAll(teams.Select(async team =>
        {
            var artifacts = await grains.GetGrain<ITeamArtifactsGrain>(team.TeamId).GetArtifacts();
            var (deck, prototypes) = Shown(artifacts);
            return new GalleryTeam(team.TeamId, team.Name, team.Theme, deck is null ? null : Item(deck), prototypes.Select(Item).ToList());
        }));
        return TypedResults.Ok(new Gallery(status, shown.ToList()));
    }

    private static async Task<Ok<GalleryStatus>> Publish(Guid campId, PublishGallery command, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICampGalleryGrain>(campId).Publish(command.Published, http.Caller().Name));

    private static async Task<Results<Ok<DownloadLink>, Refusal>> Link(Guid campId, Guid teamId, Guid artifactId, HttpContext http, IGrainFactory grains,
        DownloadLinks links, ArtifactSettings settings, TimeProvider clock)
    {
        if (Closed(http, await grains.GetGrain<ICampGalleryGrain>(campId).GetStatus())) return Problems.From(Unpublished);
        if (await Server.Mentors.MentorsApi.TeamOf(grains, campId, teamId) is null) return Problems.From(Server.Mentors.MentorsApi.UnknownTeam);
        var (deck, prototypes) = Shown(await grains.GetGrain<ITeamArtifactsGrain>(teamId).GetArtifacts());
        // Only what the gallery shows: older versions stay with the team, its mentors, judges and organizers.
        if (deck?.ArtifactId != artifactId && prototypes.All(p => p.ArtifactId != artifactId))
            return Problems.From(DomainError.NotFound("artifact.unknown", "This team has no such file in the gallery."));
        var expires = clock.GetUtcNow().AddMinutes(settings.LinkMinutes);
        return TypedResults.Ok(new DownloadLink($"/api/artifacts/download/{links.Token(teamId, artifactId, expires)}", expires));
    }

    private static bool Closed(HttpContext http, GalleryStatus status) => !status.Published && http.Caller().Role == CampRole.Participant;

    private static (ArtifactVersion? Deck, List<ArtifactVersion> Prototypes) Shown(TeamArtifacts artifacts) => (
        artifacts.Versions.FirstOrDefault(v => v.ArtifactId == artifacts.JudgingDeckId),
        artifacts.Versions.Where(v => v.Kind == ArtifactKind.Prototype).GroupBy(v => v.FileName).Select(g => g.MaxBy(v => v.Version)!)
            .OrderByDescending(v => v.UploadedAt).ToList());

    private static GalleryItem Item(ArtifactVersion v) => new(v.ArtifactId, v.Kind, v.Version, v.FileName, v.ContentType, v.Size, v.UploadedAt);

    public static readonly DomainError Unpublished = new(ErrorKind.Forbidden, "gallery.unpublished", "The organizers have not opened the gallery yet.");
}

public sealed record Gallery(GalleryStatus Status, IReadOnlyList<GalleryTeam> Teams);

public sealed record GalleryTeam(Guid TeamId, string Name, string Theme, GalleryItem? Deck, IReadOnlyList<GalleryItem> Prototypes);

/// <summary>A file as the gallery shows it: no blob name, no uploader.</summary>
public sealed record GalleryItem(Guid ArtifactId, ArtifactKind Kind, int Version, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);
