using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SocialInnovation.Common;
using SocialInnovation.Live;
using SocialInnovation.Server.Access;

namespace SocialInnovation.Server.Live;

/// <summary>
/// The one SignalR hub. Browsers watch streams here; changes are made over HTTP. It knows no stream
/// kind: <see cref="StreamKinds"/> resolves the name, and <see cref="HubAccessFilter"/> has checked the
/// caller against the stream's own camp before a method runs.
/// </summary>
[Authorize]
public sealed class CampHub(StreamKinds kinds, LiveConnections connections) : Hub<ICampClient>
{
    public static readonly DomainError TooManyStreams = DomainError.Conflict("live.too-many-streams",
        "This connection watches as many streams as it may; unwatch one first.");

    /// <summary>
    /// Starts (or resumes) watching a stream: adds it to what this connection is sent first, then returns what the caller missed
    /// after <paramref name="after"/>, or a snapshot. An event that lands between the two arrives twice
    /// at most, and the client drops the copy by its position.
    /// </summary>
    [StreamAccess]
    public async Task<HubReply<StreamCatchUp>> Watch(string stream, StreamPosition? after)
    {
        if (after is { Epoch: < 0 } or { Seq: < 0 })
            return HubReply<StreamCatchUp>.Fail(new DomainError(ErrorKind.Invalid, "validation", "A position is never negative.",
                new() { ["after"] = ["Epoch and seq are zero or more."] }));
        var (id, kind) = kinds.Resolve(stream)!.Value;
        if (!connections.Watch(Context.ConnectionId, id.ToString())) return HubReply<StreamCatchUp>.Fail(TooManyStreams);
        // At most the owner's kept events (StreamLogOptions.Keep) come back; further behind is a snapshot.
        return HubReply<StreamCatchUp>.From(await kind.CatchUp(id, after));
    }

    [StreamAccess]
    public Task<HubReply<bool>> Unwatch(string stream)
    {
        var (id, _) = kinds.Resolve(stream)!.Value;
        connections.Unwatch(Context.ConnectionId, id.ToString());
        return Task.FromResult(new HubReply<bool>(true, true, null));
    }

}
