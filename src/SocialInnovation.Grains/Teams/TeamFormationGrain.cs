using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Live;
using SocialInnovation.Live;
using SocialInnovation.Teams;

namespace SocialInnovation.Grains.Teams;

/// <summary>
/// One camp's rankings and team publication (see <see cref="ITeamFormationGrain"/>). Not reentrant: a
/// publication runs to its end before the next ranking is looked at, so no ranking slips in after it.
/// Events go out once stored: a phone must never show a team that storage does not have.
/// </summary>
public sealed class TeamFormationGrain(
    [PersistentState("team-formation", StorageNames.State)] IPersistentState<TeamFormationState> state,
    TimeProvider clock) : Grain, ITeamFormationGrain
{
    public const string StreamKind = "teams";

    /// <summary>Placements run this many at a time: a camp of 1,000 publishes in seconds without flooding the silo.</summary>
    private const int PlaceAtOnce = 32;

    private StreamLog _log = null!;
    private TeamFormationState Formation => state.State;
    private Guid CampId => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _log = new StreamLog(new StreamId(StreamKind, CampId), Formation.Log, () => state.WriteStateAsync(), DeactivateOnIdle,
            this, clock);
        return Task.CompletedTask;
    }

    public async Task<Outcome<ThemeRanking>> Rank(Guid personId, RankThemes command, IReadOnlyList<Guid> teamIds)
    {
        if (CommandCheck.Refusal(Shared<RankThemesValidator>.Validator, command) is { } invalid) return invalid;
        var fingerprinted = new RankBy(personId, command.Choices);
        if (_log.Replay(command.IdempotencyKey, fingerprinted) is { } replayed)
        {
            if (replayed.Error is { } reused) return reused;
            await _log.Settled();
            return Formation.Rankings.TryGetValue(personId, out var current) ? current : Published();
        }
        if (Formation.PublishedVersion > 0) return Published();
        if (command.Choices.FirstOrDefault(c => !teamIds.Contains(c)) is var unknown && unknown != Guid.Empty)
            return DomainError.NotFound("team.unknown", "This camp has no such team.");

        var ranking = new ThemeRanking(personId, command.Choices.ToList(), clock.GetUtcNow());
        Formation.Rankings[personId] = ranking;
        _log.Append("ranked", new RankingsCount(Formation.Rankings.Count));
        _log.Remember(command.IdempotencyKey, fingerprinted);
        await _log.Commit();
        return ranking;
    }

    public Task<ThemeRanking?> GetRanking(Guid personId) => Task.FromResult(Formation.Rankings.GetValueOrDefault(personId));

    public Task<IReadOnlyList<ThemeRanking>> GetRankings() =>
        Task.FromResult<IReadOnlyList<ThemeRanking>>(Formation.Rankings.Values.OrderBy(r => r.PersonId).ToList());

    public Task<FormationStatus> GetStatus() => Task.FromResult(Status());

    public Task<TeamSuggestion> Suggest(SuggestTeams request, IReadOnlyList<ParticipantProfile> people, IReadOnlyList<TeamView> teams)
    {
        var rankings = Formation.Rankings.ToDictionary(r => r.Key, r => r.Value.Choices);
        var plan = teams.Count == 0
            ? new TeamPlanner.Plan([], new ChoiceReport(0, 0, 0, 0, 0), 0, 0)
            : TeamPlanner.Suggest(people, rankings, teams.Select(t => t.TeamId).ToList(), request.MinSize, request.MaxSize);
        return Task.FromResult(new TeamSuggestion(teams, plan.Placements, plan.Report, plan.MinSize, plan.MaxSize,
            Formation.Rankings.Count, Formation.PublishedVersion));
    }

    public async Task<Outcome<FormationStatus>> Publish(PublishTeams command, IReadOnlyDictionary<Guid, string> people, IReadOnlyList<TeamView> teams)
    {
        if (CommandCheck.Refusal(Shared<PublishTeamsValidator>.Validator, command) is { } invalid) return invalid;
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed)
        {
            if (replayed.Error is { } reused) return reused;
            await _log.Settled();
            return Status();
        }
        if (command.BasedOnVersion != Formation.PublishedVersion)
            return DomainError.Conflict("teams.stale", "Someone published the teams meanwhile: suggest again to see them.");
        var teamIds = teams.Select(t => t.TeamId).ToHashSet();
        if (command.Assignments.FirstOrDefault(a => !teamIds.Contains(a.TeamId)) is not null)
            return DomainError.NotFound("team.unknown", "This camp has no such team.");
        if (command.Assignments.FirstOrDefault(a => !people.ContainsKey(a.PersonId)) is not null)
            return DomainError.Conflict("teams.not-participant", "Only the camp's participants can be placed in teams.");

        // Where everyone is now, so each seat leaves the right team even if it never recorded it.
        var before = await Details(teams);
        var current = before.SelectMany(t => t.Members.Select(m => (m.PersonId, t.TeamId))).ToLookup(x => x.PersonId, x => x.TeamId);
        foreach (var batch in command.Assignments.Chunk(PlaceAtOnce))
        {
            var placed = await Task.WhenAll(batch.Select(a => GrainFactory
                .GetGrain<ITeamSeatGrain>(ITeamSeatGrain.KeyFor(CampId, a.PersonId))
                .Assign(a.TeamId, people[a.PersonId], current[a.PersonId].Where(t => t != a.TeamId).Cast<Guid?>().FirstOrDefault())));
            // Placements already made stay: they are what the retry will ask for again.
            if (placed.FirstOrDefault(p => p.Error is not null)?.Error is { } failed) return failed;
        }

        Formation.Teams = (await Details(teams)).ToList();
        Formation.PublishedVersion++;
        Formation.PublishedAt = clock.GetUtcNow();
        _log.Append("published", Status());
        _log.Remember(command.IdempotencyKey, command);
        await _log.Commit();
        return Status();
    }

    public async Task TeamChanged(TeamDetails team)
    {
        if (team.CampId != CampId) return;
        var index = Formation.Teams.FindIndex(t => t.TeamId == team.TeamId);
        if (index >= 0 && Formation.Teams[index].Version >= team.Version) return;
        if (index >= 0) Formation.Teams[index] = team;
        else Formation.Teams.Add(team);
        _log.Append("team", team);
        await _log.Commit();
    }

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamPosition? after) => Task.FromResult<Outcome<StreamCatchUp>>(_log.CatchUp(after, Status));

    private async Task<TeamDetails[]> Details(IReadOnlyList<TeamView> teams)
    {
        var details = await Task.WhenAll(teams.Select(async t =>
        {
            var team = GrainFactory.GetGrain<ITeamGrain>(t.TeamId);
            // Teams made before team grains existed get one now, so they can be placed in.
            await team.Open(CampId, t, TeamGrain.DefaultCapacity);
            return await team.GetDetails();
        }));
        return details.OfType<TeamDetails>().ToArray();
    }

    private FormationStatus Status() => new(CampId, _log.Epoch, _log.Position.Seq, Formation.PublishedVersion, Formation.PublishedAt,
        Formation.Rankings.Count, Formation.Teams.ToList());

    private static DomainError Published() =>
        DomainError.Conflict("teams.published", "The teams are published: rankings can no longer be changed.");

    /// <summary>What a ranking's idempotency key stands for: the same choices by the same person.</summary>
    private sealed record RankBy(Guid PersonId, IReadOnlyList<Guid> Choices);
}

/// <summary>The payload of a <c>ranked</c> event: how many participants have ranked so far.</summary>
[GenerateSerializer, Immutable]
public sealed record RankingsCount(int Rankings);
