using SocialInnovation.People;

namespace SocialInnovation.Camps;

/// <summary>Everything a camp's page shows, as of its stream's position (<see cref="Epoch"/>, <see cref="Seq"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record CampSnapshot(
    Guid CampId,
    long Epoch,
    long Seq,
    CampDetails Details,
    CampPhase Phase,
    IReadOnlyList<CampPhase> AllowedPhases,
    IReadOnlyList<PhaseChangeRecord> History,
    IReadOnlyList<TeamView> Teams,
    MemberCounts Members,
    DateTimeOffset CreatedAt);

[GenerateSerializer, Immutable]
public sealed record PhaseChangeRecord(CampPhase From, CampPhase To, string ByName, DateTimeOffset At);

[GenerateSerializer, Immutable]
public sealed record TeamView(Guid TeamId, string Name, string Theme);

[GenerateSerializer, Immutable]
public sealed record MemberCounts(int Organizers, int Participants, int Mentors, int Judges)
{
    public static readonly MemberCounts None = new(0, 0, 0, 0);
}

/// <summary>One person on a camp's roster, as organizers see it.</summary>
[GenerateSerializer, Immutable]
public sealed record CampMember(Guid PersonId, string Name, CampRole Role, DateTimeOffset JoinedAt);
