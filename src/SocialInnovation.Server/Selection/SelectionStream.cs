using SocialInnovation.Common;
using SocialInnovation.Live;
using SocialInnovation.People;
using SocialInnovation.Selection;
using SocialInnovation.Server.Live;

namespace SocialInnovation.Server.Selection;

/// <summary>
/// <c>selection:&lt;camp&gt;</c>: the camp's applications as the selection page lists them, watched by
/// its organizers and reviewers only (the same people who may read <c>GET /applications</c>). Events:
/// <c>entry</c> (one changed <see cref="SelectionEntry"/>) and <c>settings</c> (<see cref="SelectionSettings"/>);
/// the snapshot is a <see cref="SelectionLive"/>. No entry carries an e-mail address.
/// </summary>
public sealed class SelectionStream(IGrainFactory grains) : IStreamKind
{
    public string Name => Grains.Selection.SelectionGrain.StreamKind;

    public bool HasId => false;

    public IReadOnlySet<CampRole> Roles { get; } = new HashSet<CampRole> { CampRole.Organizer, CampRole.Reviewer };

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamId stream, StreamPosition? after) =>
        grains.GetGrain<ISelectionGrain>(stream.CampId).CatchUp(after);
}
