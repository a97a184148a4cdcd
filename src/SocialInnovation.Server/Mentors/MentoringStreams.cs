using SocialInnovation.Common;
using SocialInnovation.Live;
using SocialInnovation.Mentors;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Live;
using SocialInnovation.Teams;

namespace SocialInnovation.Server.Mentors;

/// <summary><c>queue:&lt;camp&gt;</c>: the camp's help queue, watched by every member (teams see their place; mentors and organizers the whole queue).</summary>
public sealed class QueueStream(IGrainFactory grains) : IStreamKind
{
    public string Name => "queue";

    public bool HasId => false;

    public IReadOnlySet<CampRole> Roles => Access.Access.AnyRole;

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamId stream, StreamPosition? after) =>
        grains.GetGrain<IHelpQueueGrain>(stream.CampId).CatchUp(after);
}

/// <summary>
/// <c>mentoring:&lt;camp&gt;:&lt;team&gt;</c>: a team's mentor sessions, notes and action items. Watched by
/// the team's own members, the camp's mentors and its organizers (not by other teams, nor judges).
/// </summary>
public sealed class MentoringStream(IGrainFactory grains) : IStreamKind
{
    public string Name => "mentoring";

    public bool HasId => true;

    public IReadOnlySet<CampRole> Roles { get; } = new HashSet<CampRole> { CampRole.Participant, CampRole.Mentor, CampRole.Organizer };

    public async ValueTask<DomainError?> Authorize(StreamId stream, Caller caller)
    {
        if (!Guid.TryParseExact(stream.Id, "N", out var teamId)) return MentorsApi.UnknownTeam;
        if (caller.Role != CampRole.Participant) return null;
        return await grains.GetGrain<ITeamGrain>(teamId).IsMember(stream.CampId, caller.PersonId)
            ? null
            : new DomainError(ErrorKind.Forbidden, "access.team", "Only the members of this team may watch its sessions.");
    }

    public async Task<Outcome<StreamCatchUp>> CatchUp(StreamId stream, StreamPosition? after)
    {
        var teamId = Guid.ParseExact(stream.Id!, "N");
        var team = grains.GetGrain<ITeamMentoringGrain>(teamId);
        var sessions = await team.GetSessions();
        // A team without sessions has no stream yet: an empty snapshot, position 0.
        if (sessions.CampId == Guid.Empty)
            return new StreamCatchUp(stream.ToString(), 0, 0, [], RawJson.From(sessions with { CampId = stream.CampId }));
        if (sessions.CampId != stream.CampId) return MentorsApi.UnknownTeam;
        return await team.CatchUp(after);
    }
}
