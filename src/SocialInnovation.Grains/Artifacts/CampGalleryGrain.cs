using SocialInnovation.Artifacts;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Grains.Artifacts;

[GenerateSerializer]
public sealed class CampGalleryState
{
    [Id(0)] public bool Published { get; set; }
    [Id(1)] public DateTimeOffset? ChangedAt { get; set; }
    [Id(2)] public string? ChangedBy { get; set; }
}

/// <summary>The gallery's one switch; the artifacts themselves stay in each team's grain.</summary>
public sealed class CampGalleryGrain(
    [PersistentState("gallery", StorageNames.State)] IPersistentState<CampGalleryState> state,
    TimeProvider clock) : Grain, ICampGalleryGrain
{
    public async Task<GalleryStatus> Publish(bool published, string byName)
    {
        if (state.State.Published == published) return Status();
        state.State.Published = published;
        state.State.ChangedAt = clock.GetUtcNow();
        state.State.ChangedBy = byName;
        await state.Store(this);
        return Status();
    }

    public Task<GalleryStatus> GetStatus() => Task.FromResult(Status());

    private GalleryStatus Status() => new(state.State.Published, state.State.ChangedAt, state.State.ChangedBy);
}
