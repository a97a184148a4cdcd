using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Live;
using SocialInnovation.People;
using SocialInnovation.Server.Live;

namespace SocialInnovation.Server.Camps;

/// <summary>
/// <c>camp:&lt;campId&gt;</c>: the camp's phase, teams and counts, watched by every member (reviewers included). Owned by
/// the camp's grain, which publishes only stored events.
/// </summary>
public sealed class CampStream(IGrainFactory grains) : IStreamKind
{
    public string Name => CampStreams.Kind;

    public bool HasId => false;

    public IReadOnlySet<CampRole> Roles => Access.Access.EveryRole;

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamId stream, StreamPosition? after) =>
        grains.GetGrain<ICampGrain>(stream.CampId).CatchUp(after);
}
