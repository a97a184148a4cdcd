using SocialInnovation.Common;
using SocialInnovation.Live;
using SocialInnovation.People;
using SocialInnovation.Server.Live;
using SocialInnovation.Teams;

namespace SocialInnovation.Server.Teams;

/// <summary>
/// <c>teams:&lt;camp&gt;</c>: the camp's team formation, watched by every member. Events: <c>published</c>
/// (the whole <see cref="FormationStatus"/>, with every team and its members: each phone finds its own
/// team in it), <c>team</c> (one team's <see cref="TeamDetails"/> after a join, leave or captain change)
/// and <c>ranked</c> (how many have ranked). Members and captains are not secret within a camp: the
/// team pages show them to every member too.
/// </summary>
public sealed class TeamsStream(IGrainFactory grains) : IStreamKind
{
    public string Name => Grains.Teams.TeamFormationGrain.StreamKind;

    public bool HasId => false;

    public IReadOnlySet<CampRole> Roles => Access.Access.AnyRole;

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamId stream, StreamPosition? after) =>
        grains.GetGrain<ITeamFormationGrain>(stream.CampId).CatchUp(after);
}
