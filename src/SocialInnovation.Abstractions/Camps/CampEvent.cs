using SocialInnovation.People;

namespace SocialInnovation.Camps;

/// <summary>What happened to a camp: the <see cref="Live.StreamEnvelope.Kind"/> of its stream's events.</summary>
public enum CampEventKind { Created, PhaseChanged, MemberJoined, TeamAdded }

/// <summary>
/// The payload of one event on a camp's stream (<c>camp:&lt;campId&gt;</c>). Events carry the camp's
/// resulting phase and counts, so a client can apply them without another request; the envelope around
/// it carries the stream, position, time and <see cref="CampEventKind"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CampEvent(
    CampPhase Phase,
    IReadOnlyList<CampPhase> AllowedPhases,
    MemberCounts Members,
    PhaseChangeRecord? PhaseChange = null,
    string? MemberName = null,
    CampRole? MemberRole = null,
    TeamView? Team = null);

public static class CampStreams
{
    public const string Kind = "camp";

    public static Live.StreamId For(Guid campId) => new(Kind, campId);
}
