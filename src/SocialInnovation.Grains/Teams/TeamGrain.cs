using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Teams;

namespace SocialInnovation.Grains.Teams;

/// <summary>One team's members and captain. Joining and leaving are set operations, so retries are harmless.</summary>
public sealed class TeamGrain(
    [PersistentState("team", StorageNames.State)] IPersistentState<TeamState> state,
    TimeProvider clock) : Grain, ITeamGrain
{
    /// <summary>Teams made before a capacity was chosen (the organizer's "add team") take this many.</summary>
    public const int DefaultCapacity = 8;

    private TeamState Team => state.State;

    public async Task Open(Guid campId, TeamView team, int capacity)
    {
        if (Team.Exists) return;
        Team.CampId = campId;
        Team.Name = team.Name;
        Team.Theme = team.Theme;
        Team.Capacity = capacity;
        await state.Store(this);
    }

    public Task<TeamDetails?> GetDetails() => Task.FromResult(Team.Exists ? Details() : null);

    public Task<bool> IsMember(Guid campId, Guid personId) =>
        Task.FromResult(Team.CampId == campId && Team.Members.Exists(m => m.PersonId == personId));

    public async Task<Outcome<TeamDetails>> Join(Guid personId, string name)
    {
        if (!Team.Exists) return Unknown();
        if (Team.Members.Exists(m => m.PersonId == personId)) return Details();
        if (Team.Members.Count >= Team.Capacity)
            return DomainError.Conflict("team.full", $"{Team.Name} is full: it takes {Team.Capacity} people.");

        return await Add(personId, name);
    }

    public async Task<Outcome<TeamDetails>> Place(Guid personId, string name)
    {
        if (!Team.Exists) return Unknown();
        if (Team.Members.Exists(m => m.PersonId == personId)) return Details();
        Team.Capacity = Math.Max(Team.Capacity, Team.Members.Count + 1);
        return await Add(personId, name);
    }

    public async Task<Outcome<TeamDetails>> ChangeCaptain(Guid captainId, Guid? byCaptain)
    {
        if (!Team.Exists) return Unknown();
        if (byCaptain is { } by && by != Team.CaptainId)
            return new DomainError(ErrorKind.Forbidden, "team.not-captain", "Only the team's captain (or an organizer) passes the captaincy on.");
        if (!Team.Members.Exists(m => m.PersonId == captainId))
            return DomainError.Conflict("team.not-member", "The new captain must be a member of the team.");
        if (Team.CaptainId == captainId) return Details();
        Team.CaptainId = captainId;
        Team.Version++;
        await state.Store(this);
        return Details();
    }

    private async Task<Outcome<TeamDetails>> Add(Guid personId, string name)
    {
        Team.Members.Add(new TeamMember(personId, name, clock.GetUtcNow()));
        Team.CaptainId ??= personId;
        Team.Version++;
        await state.Store(this);
        return Details();
    }

    public async Task<Outcome<TeamDetails>> Leave(Guid personId)
    {
        if (!Team.Exists) return Unknown();
        if (Team.Members.RemoveAll(m => m.PersonId == personId) == 0) return Details();
        if (Team.CaptainId == personId) Team.CaptainId = Team.Members.OrderBy(m => m.JoinedAt).FirstOrDefault()?.PersonId;
        Team.Version++;
        await state.Store(this);
        return Details();
    }

    private TeamDetails Details() => new(this.GetPrimaryKey(), Team.CampId, Team.Name, Team.Theme, Team.Capacity,
        Team.Members.OrderBy(m => m.JoinedAt).ToList(), Team.CaptainId, Team.Version);

    private static DomainError Unknown() => DomainError.NotFound("team.unknown", "This camp has no such team.");
}
