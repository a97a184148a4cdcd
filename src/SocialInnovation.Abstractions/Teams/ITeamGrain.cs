using SocialInnovation.Camps;
using SocialInnovation.Common;

namespace SocialInnovation.Teams;

/// <summary>
/// One team: its theme, members and captain. The camp keeps only a summary (<see cref="TeamView"/>);
/// membership lives here and is what "a participant of THIS team" means to access checks.
/// </summary>
public interface ITeamGrain : IGrainWithGuidKey
{
    /// <summary>Sets the team up from the camp's summary the first time; later calls change nothing.</summary>
    Task Open(Guid campId, TeamView team, int capacity);

    Task<TeamDetails?> GetDetails();

    /// <summary>Whether the person is a member of this team, and the team belongs to that camp.</summary>
    Task<bool> IsMember(Guid campId, Guid personId);

    /// <summary>Joining twice is one membership; the first member becomes captain.</summary>
    Task<Outcome<TeamDetails>> Join(Guid personId, string name);

    /// <summary>Leaving passes the captaincy to the longest-standing member.</summary>
    Task<Outcome<TeamDetails>> Leave(Guid personId);

    /// <summary>
    /// The organizer's placement (a published team formation): joins like <see cref="Join"/> but past the
    /// capacity, which grows to fit, because the organizer decided the team's size.
    /// </summary>
    Task<Outcome<TeamDetails>> Place(Guid personId, string name);

    /// <summary>Makes a member captain. <paramref name="byCaptain"/> names the captain passing it on (refused
    /// if they are not the captain); null when an organizer sets it.</summary>
    Task<Outcome<TeamDetails>> ChangeCaptain(Guid captainId, Guid? byCaptain);
}

[GenerateSerializer, Immutable]
public sealed record TeamMember(Guid PersonId, string Name, DateTimeOffset JoinedAt);

/// <param name="Version">Counts the team's changes, so a watcher keeps the newest of two reports.</param>
[GenerateSerializer, Immutable]
public sealed record TeamDetails(
    Guid TeamId,
    Guid CampId,
    string Name,
    string Theme,
    int Capacity,
    IReadOnlyList<TeamMember> Members,
    Guid? CaptainId,
    int Version = 0);

/// <summary>Join or leave a team.</summary>
public sealed record TeamMembershipChange(string IdempotencyKey);

public sealed class TeamMembershipChangeValidator : FluentValidation.AbstractValidator<TeamMembershipChange>
{
    public TeamMembershipChangeValidator() => RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
}
