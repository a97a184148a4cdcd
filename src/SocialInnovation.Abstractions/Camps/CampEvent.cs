using SocialInnovation.People;

namespace SocialInnovation.Camps;

public enum CampEventKind { Created, PhaseChanged, MemberJoined, TeamAdded }

/// <summary>
/// One change to a camp, pushed live to everyone watching it. <see cref="Seq"/> increases by one per
/// change, so a client that sees a gap knows it missed something and asks for it
/// (see <see cref="ICampGrain.GetEventsAfter"/>). Events carry the camp's resulting phase and counts,
/// so a client can apply them without another request.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CampEvent(
    Guid CampId,
    long Seq,
    DateTimeOffset At,
    CampEventKind Kind,
    CampPhase Phase,
    IReadOnlyList<CampPhase> AllowedPhases,
    MemberCounts Members,
    PhaseChangeRecord? PhaseChange = null,
    string? MemberName = null,
    CampRole? MemberRole = null,
    TeamView? Team = null);

/// <summary>
/// What a client gets when it (re)starts watching: the events after the sequence number it already
/// has, or, when those are no longer kept or it has nothing yet, a full snapshot.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CampCatchUp(long Seq, IReadOnlyList<CampEvent> Events, CampSnapshot? Snapshot);

