using SocialInnovation.Common;
using SocialInnovation.Live;
using SocialInnovation.People;
using SocialInnovation.Polls;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Live;

namespace SocialInnovation.Server.Polls;

/// <summary>
/// <c>poll:&lt;camp&gt;:&lt;poll&gt;</c>: a dot-vote's live tally, watched by every camp member. Coalescing:
/// each event (kind <c>Tally</c>) is the whole latest tally, pushed at most a few times a second
/// however fast votes arrive, so a client's reducer just takes the newest.
/// </summary>
public sealed class PollStream(IGrainFactory grains) : IStreamKind
{
    public string Name => PollStreams.Kind;

    public bool HasId => true;

    public IReadOnlySet<CampRole> Roles => Access.Access.AnyRole;

    public ValueTask<DomainError?> Authorize(StreamId stream, Caller caller) =>
        ValueTask.FromResult(Guid.TryParseExact(stream.Id, "N", out _) ? null : Unknown);

    // The poll grain refuses unless the poll is of the stream's own camp.
    public Task<Outcome<StreamCatchUp>> CatchUp(StreamId stream, StreamPosition? after) =>
        grains.GetGrain<IPollGrain>(Guid.ParseExact(stream.Id!, "N")).CatchUp(stream.CampId, after);

    private static readonly DomainError? Unknown = DomainError.NotFound("poll.unknown", "There is no such poll.");
}
