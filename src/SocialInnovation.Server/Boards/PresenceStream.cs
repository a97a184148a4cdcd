using SocialInnovation.Boards;
using SocialInnovation.Common;
using SocialInnovation.Live;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Live;

namespace SocialInnovation.Server.Boards;

/// <summary><c>presence:&lt;campId&gt;:&lt;teamId&gt;</c>: who is on a board now; watched by whoever may look at the board.</summary>
public sealed class PresenceStream(IGrainFactory grains, BoardAccess access) : IStreamKind
{
    public string Name => PresenceStreams.Kind;

    public bool HasId => true;

    public IReadOnlySet<CampRole> Roles => Access.Access.AnyRole;

    public ValueTask<DomainError?> Authorize(StreamId stream, Caller caller) => new BoardStream(grains, access).Authorize(stream, caller);

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamId stream, StreamPosition? after) =>
        grains.Presence(stream.CampId, Guid.ParseExact(stream.Id!, "N")).CatchUp(after);
}
