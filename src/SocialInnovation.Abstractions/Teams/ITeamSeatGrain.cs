using SocialInnovation.Common;

namespace SocialInnovation.Teams;

/// <summary>
/// One participant's place in one camp's teams, keyed by <see cref="KeyFor"/>. Every join and leave of
/// that person goes through it, one at a time, so two joins racing to two teams cannot both succeed.
/// </summary>
public interface ITeamSeatGrain : IGrainWithStringKey
{
    /// <param name="teamIds">The camp's teams, to find a membership made before seats existed.</param>
    Task<Outcome<TeamDetails>> Join(Guid teamId, string name, IReadOnlyList<(Guid TeamId, string Name)> teamIds);

    Task<Outcome<TeamDetails>> Leave(Guid teamId);

    /// <summary>
    /// The organizer's placement: leaves the team the seat names (and <paramref name="currentTeamId"/>, the
    /// team the person is known to be in) if it is another one, then is placed in <paramref name="teamId"/>.
    /// Doing it twice is doing it once.
    /// </summary>
    Task<Outcome<TeamDetails>> Assign(Guid teamId, string name, Guid? currentTeamId);

    static string KeyFor(Guid campId, Guid personId) => $"{campId:N}/{personId:N}";
}
