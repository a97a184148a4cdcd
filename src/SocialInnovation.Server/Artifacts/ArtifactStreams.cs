using SocialInnovation.Artifacts;
using SocialInnovation.Common;
using SocialInnovation.Live;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Live;
using SocialInnovation.Server.Mentors;
using SocialInnovation.Teams;

namespace SocialInnovation.Server.Artifacts;

/// <summary>
/// <c>artifacts:&lt;camp&gt;:&lt;team&gt;</c>: a team's versions and its deck for judging, as uploads finish and
/// marks change. Watched by those who may list them over HTTP: the team's own members, the camp's
/// mentors, judges and organizers (not other teams).
/// </summary>
public sealed class ArtifactsStream(IGrainFactory grains) : IStreamKind
{
    public string Name => "artifacts";

    public bool HasId => true;

    public IReadOnlySet<CampRole> Roles { get; } = new HashSet<CampRole> { CampRole.Participant, CampRole.Mentor, CampRole.Judge, CampRole.Organizer };

    public async ValueTask<DomainError?> Authorize(StreamId stream, Caller caller)
    {
        if (!Guid.TryParseExact(stream.Id, "N", out var teamId)) return MentorsApi.UnknownTeam;
        if (caller.Role != CampRole.Participant) return await MentorsApi.TeamOf(grains, stream.CampId, teamId) is null ? MentorsApi.UnknownTeam : null;
        return await grains.GetGrain<ITeamGrain>(teamId).IsMember(stream.CampId, caller.PersonId)
            ? null
            : new DomainError(ErrorKind.Forbidden, "access.team", "Only the members of this team may watch its files.");
    }

    public async Task<Outcome<StreamCatchUp>> CatchUp(StreamId stream, StreamPosition? after)
    {
        var team = grains.GetGrain<ITeamArtifactsGrain>(Guid.ParseExact(stream.Id!, "N"));
        var campId = await team.GetCampId();
        // A team that never uploaded has no stream yet: an empty snapshot, position 0 (its first event's
        // new epoch then makes the watcher catch up).
        if (campId == Guid.Empty) return new StreamCatchUp(stream.ToString(), 0, 0, [], RawJson.From(await team.GetArtifacts()));
        if (campId != stream.CampId) return MentorsApi.UnknownTeam;
        return await team.CatchUp(after);
    }
}

/// <summary>
/// <c>gallery:&lt;camp&gt;</c>: the gallery's switch and which team's files changed. Watched by whoever may
/// see the gallery now: mentors, judges and organizers always, the camp's participants once it is
/// published. The events name teams only; the page reads the gallery again over HTTP, which checks
/// access again, so a participant still watching after the gallery was closed learns nothing from them.
/// </summary>
public sealed class GalleryStream(IGrainFactory grains) : IStreamKind
{
    public string Name => "gallery";

    public bool HasId => false;

    public IReadOnlySet<CampRole> Roles => Access.Access.AnyRole;

    public async ValueTask<DomainError?> Authorize(StreamId stream, Caller caller) =>
        caller.Role == CampRole.Participant && !(await grains.GetGrain<ICampGalleryGrain>(stream.CampId).GetStatus()).Published
            ? GalleryApi.Unpublished
            : null;

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamId stream, StreamPosition? after) =>
        grains.GetGrain<ICampGalleryGrain>(stream.CampId).CatchUp(after);
}
