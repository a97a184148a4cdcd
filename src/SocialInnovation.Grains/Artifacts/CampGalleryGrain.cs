using SocialInnovation.Artifacts;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Live;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Artifacts;

[GenerateSerializer]
public sealed class CampGalleryState
{
    [Id(0)] public bool Published { get; set; }
    [Id(1)] public DateTimeOffset? ChangedAt { get; set; }
    [Id(2)] public string? ChangedBy { get; set; }
    [Id(3)] public StreamLogState Log { get; set; } = new();
}

/// <summary>
/// The gallery's one switch and its stream; the artifacts themselves stay in each team's grain. A team's
/// change is published at once (its own grain stored it already): the event only says which team to
/// read again, so nothing is lost if this grain's write of its log fails.
/// </summary>
public sealed class CampGalleryGrain(
    [PersistentState("gallery", StorageNames.State)] IPersistentState<CampGalleryState> state,
    TimeProvider clock) : Grain, ICampGalleryGrain
{
    public const string StreamKind = "gallery";
    private StreamLog _log = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _log = new StreamLog(new StreamId(StreamKind, this.GetPrimaryKey()), state.State.Log, () => state.WriteStateAsync(), DeactivateOnIdle,
            this, clock, new StreamLogOptions(Keep: 100, VisibleBeforeStored: true));
        return Task.CompletedTask;
    }

    public async Task<GalleryStatus> Publish(bool published, string byName)
    {
        if (state.State.Published == published) return Status();
        state.State.Published = published;
        state.State.ChangedAt = clock.GetUtcNow();
        state.State.ChangedBy = byName;
        _log.Append("StatusChanged", new GalleryStatusChanged(Status()));
        await _log.Commit();
        return Status();
    }

    public Task<GalleryStatus> GetStatus() => Task.FromResult(Status());

    public async Task TeamChanged(Guid teamId, string what)
    {
        _log.Append("TeamChanged", new GalleryTeamChanged(teamId, what));
        await _log.Commit();
    }

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamPosition? after) =>
        Task.FromResult<Outcome<StreamCatchUp>>(_log.CatchUp(after, Status));

    private GalleryStatus Status() => new(state.State.Published, state.State.ChangedAt, state.State.ChangedBy);
}
