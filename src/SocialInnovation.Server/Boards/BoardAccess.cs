using Microsoft.Extensions.Caching.Memory;
using SocialInnovation.Boards;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Teams;

namespace SocialInnovation.Server.Boards;

/// <summary>
/// Who may look at a team's board, for HTTP and for the stream alike: the team's members, the camp's
/// organizers and mentors, and, when the organizer allows it, the camp's other participants and judges.
/// The team must belong to the camp being asked about (the board's camp, not only the route's).
/// </summary>
/// <remarks>
/// A team never leaves its camp (teams are added, never removed or moved), so once the camp's grain has
/// named a team as its own this node remembers the pair and every later write and watch of that board skips
/// the call. The camp's grain is one per camp, which every team's every move used to pass through.
/// A team the camp does not (yet) have is asked every time.
/// </remarks>
public sealed class BoardAccess(IGrainFactory grains, IMemoryCache cache)
{
    /// <summary>How long a known team stays remembered after its last use (only to bound memory: it cannot go stale).</summary>
    public static readonly TimeSpan KnownTeams = TimeSpan.FromMinutes(30);

    public static readonly DomainError UnknownTeam = DomainError.NotFound("team.unknown", "This camp has no such team.");

    public static readonly DomainError Private = new(ErrorKind.Forbidden, "board.private",
        "Only the team, the organizers and the mentors may look at this board.");

    /// <summary>Whether the team is one of the camp's.</summary>
    public async ValueTask<bool> IsTeamOf(Guid campId, Guid teamId)
    {
        var key = ("team-of", campId, teamId);
        if (cache.TryGetValue(key, out _)) return true;
        var snapshot = await grains.GetGrain<ICampGrain>(campId).GetSnapshot();
        if (snapshot?.Teams.Any(t => t.TeamId == teamId) != true) return false;
        cache.Set(key, true, new MemoryCacheEntryOptions { SlidingExpiration = KnownTeams });
        return true;
    }

    public async Task<DomainError?> MayView(Guid campId, Guid teamId, Caller caller)
    {
        if (!await IsTeamOf(campId, teamId)) return UnknownTeam;
        if (caller.Role is CampRole.Organizer or CampRole.Mentor) return null;
        if (caller.Role == CampRole.Participant && await grains.GetGrain<ITeamGrain>(teamId).IsMember(campId, caller.PersonId)) return null;
        return (await grains.GetGrain<ICampBoardsGrain>(campId).GetPlan()).OthersMayView ? null : Private;
    }
}
