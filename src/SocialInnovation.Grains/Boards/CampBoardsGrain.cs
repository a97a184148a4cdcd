using SocialInnovation.Boards;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Grains.Boards;

[GenerateSerializer]
public sealed class CampBoardsState
{
    [Id(0)] public CampBoardPlan Plan { get; set; } = CampBoardPlan.Default;
    [Id(1)] public IdempotencyLog Applied { get; set; } = new();
}

/// <summary>
/// The organizer's plan for every board of a camp: WIP limits warn or refuse, who else may look, the
/// sprint schedule and the running sprint. It keeps the plan and hands each change to every team's
/// board, which keeps its own copy (so a move never waits for this grain).
/// </summary>
public sealed class CampBoardsGrain(
    [PersistentState("boards", StorageNames.State)] IPersistentState<CampBoardsState> state,
    TimeProvider clock) : Grain, ICampBoardsGrain
{
    private CampBoardsState Boards => state.State;

    public Task<CampBoardPlan> GetPlan() => Task.FromResult(Boards.Plan);

    public async Task<Outcome<CampBoardPlan>> Configure(ConfigureBoards command, IReadOnlyList<Guid> teamIds)
    {
        var result = Shared<ConfigureBoardsValidator>.Validator.Validate(command);
        if (!result.IsValid) return DomainError.Invalid(result);
        if (Replay(command.IdempotencyKey, command) is { } replayed) return await Told(replayed, teamIds);

        var schedule = command.Schedule?.ToList() ?? [];
        if (Boards.Plan.ActiveSprint is { } running && schedule.All(s => s.Number != running))
            return DomainError.Conflict("sprint.running", $"Sprint {running} is running: stop it before taking it off the schedule.");
        return await Change(Boards.Plan with { WipWarnOnly = command.WipWarnOnly, OthersMayView = command.OthersMayView, Schedule = schedule },
            command.IdempotencyKey, command, teamIds);
    }

    public async Task<Outcome<CampBoardPlan>> RunSprint(RunSprint command, IReadOnlyList<Guid> teamIds)
    {
        var result = Shared<RunSprintValidator>.Validator.Validate(command);
        if (!result.IsValid) return DomainError.Invalid(result);
        if (Replay(command.IdempotencyKey, command) is { } replayed) return await Told(replayed, teamIds);

        if (command.Number is { } number && Boards.Plan.Schedule.All(s => s.Number != number))
            return DomainError.Conflict("sprint.unknown", $"The schedule has no sprint {number}.");
        if (command.Number == Boards.Plan.ActiveSprint) return await Told(Boards.Plan, teamIds);
        return await Change(Boards.Plan with { ActiveSprint = command.Number, ActiveSince = command.Number is null ? null : clock.GetUtcNow() },
            command.IdempotencyKey, command, teamIds);
    }

    private async Task<Outcome<CampBoardPlan>> Change<TCommand>(CampBoardPlan plan, string key, TCommand command, IReadOnlyList<Guid> teamIds)
    {
        Boards.Plan = plan with { Version = Boards.Plan.Version + 1 };
        Boards.Applied.Remember(key, Fingerprint.Of(command), Boards.Plan.Version);
        await state.Store(this);
        return await Told(Boards.Plan, teamIds);
    }

    /// <summary>
    /// Hands the plan to every board. Boards keep the newest version they were told, so telling twice
    /// (a retry after a board failed to answer) is harmless, and a board activated later asks by itself.
    /// </summary>
    private async Task<Outcome<CampBoardPlan>> Told(CampBoardPlan plan, IReadOnlyList<Guid> teamIds)
    {
        var campId = this.GetPrimaryKey();
        await Task.WhenAll(teamIds.Select(team => GrainFactory.Board(campId, team).ApplyPlan(Boards.Plan)));
        return plan;
    }

    private async Task<Outcome<CampBoardPlan>> Told(Outcome<CampBoardPlan> replayed, IReadOnlyList<Guid> teamIds) =>
        replayed.Error is { } reused ? reused : await Told(Boards.Plan, teamIds);

    private Outcome<CampBoardPlan>? Replay<TCommand>(string key, TCommand command) => Boards.Applied.Find(key) switch
    {
        null => null,
        { } applied when applied.Fingerprint == Fingerprint.Of(command) => Boards.Plan,
        _ => DomainError.Conflict("idempotency.reused", "This idempotency key was already used for a different request."),
    };
}
