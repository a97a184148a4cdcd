using SocialInnovation.Boards;
using SocialInnovation.Common;
using SocialInnovation.Live;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Live;

namespace SocialInnovation.Server.Boards;

/// <summary>
/// <c>board:&lt;campId&gt;:&lt;teamId as 32 hex&gt;</c>: one team's board, watched by whoever may look at it
/// (<see cref="BoardAccess"/>). Any role of the stream's camp gets past the role check; the board's own
/// check then asks whether the team is the camp's and the caller may see it.
/// </summary>
public sealed class BoardStream(IGrainFactory grains, BoardAccess access) : IStreamKind
{
    public static readonly DomainError UnknownBoard = DomainError.NotFound("board.unknown", "This camp has no such board.");

    public string Name => BoardStreams.Kind;

    public bool HasId => true;

    public IReadOnlySet<CampRole> Roles => Access.Access.AnyRole;

    public async ValueTask<DomainError?> Authorize(StreamId stream, Caller caller)
    {
        if (!Guid.TryParseExact(stream.Id, "N", out var teamId)) return UnknownBoard;
        return await access.MayView(stream.CampId, teamId, caller) is { } refused
            ? refused == BoardAccess.UnknownTeam ? UnknownBoard : refused
            : null;
    }

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamId stream, StreamPosition? after) =>
        grains.Board(stream.CampId, Guid.ParseExact(stream.Id!, "N")).CatchUp(after);
}
