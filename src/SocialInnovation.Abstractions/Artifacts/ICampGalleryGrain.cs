using Orleans.Concurrency;
using SocialInnovation.Live;

namespace SocialInnovation.Artifacts;

/// <summary>
/// Whether the camp's gallery (each team's current deck and prototypes) is open to every member of the
/// camp. Until the organizer publishes it only mentors, judges and organizers see it. One per camp.
/// Owns the stream <c>gallery:&lt;camp&gt;</c>: the switch, and which team's files changed (not the files
/// themselves: the page then asks <c>GET …/gallery</c>, which checks access again).
/// </summary>
public interface ICampGalleryGrain : IGrainWithGuidKey, IStreamOwnerGrain
{
    /// <summary>Idempotent: publishing a published gallery changes nothing.</summary>
    Task<GalleryStatus> Publish(bool published, string byName);

    Task<GalleryStatus> GetStatus();

    /// <summary>A team's files changed (a new version, another deck for judging): tells the gallery's watchers.</summary>
    [OneWay]
    Task TeamChanged(Guid teamId, string what);
}

/// <summary>An event of <c>gallery:&lt;camp&gt;</c>, kind <c>TeamChanged</c>.</summary>
public sealed record GalleryTeamChanged(Guid TeamId, string What);

/// <summary>An event of <c>gallery:&lt;camp&gt;</c>, kind <c>StatusChanged</c>; the snapshot is the status alone.</summary>
public sealed record GalleryStatusChanged(GalleryStatus Status);

[GenerateSerializer, Immutable]
public sealed record GalleryStatus(bool Published, DateTimeOffset? ChangedAt, string? ChangedBy);

[GenerateSerializer, Immutable]
public sealed record PublishGallery(bool Published);
