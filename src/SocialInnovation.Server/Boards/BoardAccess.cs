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
public sealed class BoardAccess(IGrainFactory grains, KnownFacts known)
{
    public static readonly DomainError UnknownTeam = DomainError.NotFound("team.unknown", "This camp has no such team.");

    public static readonly DomainError Private = new(ErrorKind.Forbidden, "board.private",
        "Only the team, the organizers and the mentors may look at this board.");

    /// <summary>
    /// Whether the team is one of the camp's. A team never leaves its camp, so once the camp's grain (one per
    /// camp) has named it, every later write and watch of its board skips that call (<see cref="KnownFacts"/>).
    /// </summary>
    public async ValueTask<bool> IsTeamOf(Guid campId, Guid teamId) =>
        await known.Ask<bool>(("team-of", campId, teamId), async () =>
            (await grains.GetGrain<ICampGrain>(campId).GetSnapshot())?.Teams.Any(t => t.TeamId == teamId) == true ? true : null) == true;

    public async Task<DomainError?> MayView(Guid campId, Guid teamId, Caller caller)
    {
        if (!await IsTeamOf(campId, teamId)) return UnknownTeam;
        if (caller.Role is CampRole.Organizer or CampRole.Mentor) return null;
        if (caller.Role == CampRole.Participant && await grains.GetGrain<ITeamGrain>(teamId).IsMember(campId, caller.PersonId)) return null;
        return (await grains.GetGrain<ICampBoardsGrain>(campId).GetPlan()).OthersMayView ? null : Private;
    }
}
