using SocialInnovation.Common;
using SocialInnovation.Live;
using SocialInnovation.Mentors;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Live;

namespace SocialInnovation.Server.Mentors;

/// <summary>
/// <c>mentor:&lt;camp&gt;:&lt;person&gt;</c>: one mentor's profile and office-hour slots, watched by every
/// camp member (teams see slots being booked as it happens). Owned by the mentor's grain.
/// </summary>
public sealed class MentorStream(IGrainFactory grains) : IStreamKind
{
    public string Name => "mentor";

    public bool HasId => true;

    public IReadOnlySet<CampRole> Roles => Access.Access.AnyRole;

    public ValueTask<DomainError?> Authorize(StreamId stream, Caller caller) =>
        ValueTask.FromResult(Guid.TryParseExact(stream.Id, "N", out _) ? null : Unknown);

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamId stream, StreamPosition? after) =>
        grains.Mentor(stream.CampId, Guid.ParseExact(stream.Id!, "N")).CatchUp(after);

    private static readonly DomainError? Unknown = DomainError.NotFound("mentor.unknown", "There is no such mentor in this camp.");
}
