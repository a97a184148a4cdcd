using SocialInnovation.Common;
using SocialInnovation.Grains.Judging;
using SocialInnovation.Judging;
using SocialInnovation.Live;
using SocialInnovation.People;
using SocialInnovation.Server.Live;

namespace SocialInnovation.Server.Judging;

/// <summary>
/// <c>judging:&lt;campId&gt;</c>: judging progress (scores in, judges done, locked) for the organizer's live
/// view. Organizers only; events carry counts, never scores. Stored before visible.
/// </summary>
public sealed class JudgingStream(IGrainFactory grains) : IStreamKind
{
    public string Name => JudgingGrain.StreamKind;

    public bool HasId => false;

    public IReadOnlySet<CampRole> Roles { get; } = new HashSet<CampRole> { CampRole.Organizer };

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamId stream, StreamPosition? after) =>
        grains.GetGrain<IJudgingGrain>(stream.CampId).CatchUp(after);
}
