using SocialInnovation.Common;
using SocialInnovation.Live;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Live;

namespace SocialInnovation.Server.Tests.Live;

/// <summary>
/// A board-like stream kind that exists only in this test project: <c>notes:&lt;camp&gt;:&lt;id&gt;</c>,
/// watched by organizers and mentors of the camp, except the id <see cref="ClosedId"/>, which its own
/// check refuses. Registered with <c>AddStreamKind</c>; the hub and the access check are not edited.
/// Its events are published straight to the notifier, as a stream-owning grain's stream log does.
/// </summary>
public sealed class TeamNotesStream : IStreamKind
{
    public const string Kind = "notes";
    public const string ClosedId = "closed";

    public string Name => Kind;

    public bool HasId => true;

    public IReadOnlySet<CampRole> Roles { get; } = new HashSet<CampRole> { CampRole.Organizer, CampRole.Mentor };

    public ValueTask<DomainError?> Authorize(StreamId stream, Caller caller) => ValueTask.FromResult(stream.Id == ClosedId
        ? new DomainError(ErrorKind.Forbidden, "notes.closed", "These notes are closed.")
        : null);

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamId stream, StreamPosition? after) =>
        Task.FromResult(Outcome<StreamCatchUp>.Ok(new StreamCatchUp(stream.ToString(), 1, 0, [], RawJson.From(new Notes([])))));

    public sealed record Notes(IReadOnlyList<string> Lines);

    public sealed record NoteAdded(string Line);
}
