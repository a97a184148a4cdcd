namespace SocialInnovation.Artifacts;

/// <summary>
/// Whether the camp's gallery (each team's current deck and prototypes) is open to every member of the
/// camp. Until the organizer publishes it only mentors, judges and organizers see it. One per camp.
/// </summary>
public interface ICampGalleryGrain : IGrainWithGuidKey
{
    /// <summary>Idempotent: publishing a published gallery changes nothing.</summary>
    Task<GalleryStatus> Publish(bool published, string byName);

    Task<GalleryStatus> GetStatus();
}

[GenerateSerializer, Immutable]
public sealed record GalleryStatus(bool Published, DateTimeOffset? ChangedAt, string? ChangedBy);

[GenerateSerializer, Immutable]
public sealed record PublishGallery(bool Published);
