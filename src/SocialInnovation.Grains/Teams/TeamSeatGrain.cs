using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Teams;

namespace SocialInnovation.Grains.Teams;

/// <summary>
/// Holds which team one participant is in. Not reentrant: a second join waits for the first, then sees
/// its team, which is how "one team per participant" holds under racing requests.
/// </summary>
public sealed class TeamSeatGrain(
    [PersistentState("team-seat", StorageNames.State)] IPersistentState<TeamSeatState> state) : Grain, ITeamSeatGrain
{
    private Guid CampId => Guid.ParseExact(this.GetPrimaryKeyString()[..32], "N");
    private Guid PersonId => Guid.ParseExact(this.GetPrimaryKeyString()[33..], "N");

    public async Task<Outcome<TeamDetails>> Join(Guid teamId, string name, IReadOnlyList<(Guid TeamId, string Name)> teamIds)
    {
        foreach (var (otherId, otherName) in teamIds.Where(t => t.TeamId != teamId))
        {
            // The seat names the team; teams joined before seats existed are asked too.
            if ((state.State.TeamId == otherId || state.State.TeamId is null)
                && await GrainFactory.GetGrain<ITeamGrain>(otherId).IsMember(CampId, PersonId))
                return DomainError.Conflict("team.already-member", $"You are in {otherName}; leave it first.");
        }
        var joined = await GrainFactory.GetGrain<ITeamGrain>(teamId).Join(PersonId, name);
        if (joined.Error is null && state.State.TeamId != teamId)
        {
            state.State.TeamId = teamId;
            await state.Store(this);
        }
        return joined;
    }

    public async Task<Outcome<TeamDetails>> Assign(Guid teamId, string name, Guid? currentTeamId)
    {
        foreach (var other in new[] { state.State.TeamId, currentTeamId }.OfType<Guid>().Distinct().Where(t => t != teamId))
        {
            var left = await GrainFactory.GetGrain<ITeamGrain>(other).Leave(PersonId);
            if (left.Error is { Code: not "team.unknown" }) return left;
        }
        var placed = await GrainFactory.GetGrain<ITeamGrain>(teamId).Place(PersonId, name);
        if (placed.Error is null && state.State.TeamId != teamId)
        {
            state.State.TeamId = teamId;
            await state.Store(this);
        }
        return placed;
    }

    public async Task<Outcome<TeamDetails>> Leave(Guid teamId)
    {
        var left = await GrainFactory.GetGrain<ITeamGrain>(teamId).Leave(PersonId);
        if (left.Error is null && state.State.TeamId == teamId)
        {
            state.State.TeamId = null;
            await state.Store(this);
        }
        return left;
    }
}

[GenerateSerializer]
public sealed class TeamSeatState
{
    [Id(0)] public Guid? TeamId { get; set; }
}
