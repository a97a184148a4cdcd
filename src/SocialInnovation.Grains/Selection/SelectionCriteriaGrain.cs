using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Selection;

namespace SocialInnovation.Grains.Selection;

/// <summary>A camp's selection criteria (see <see cref="ISelectionCriteriaGrain"/>); the defaults until an organizer changes them.</summary>
public sealed class SelectionCriteriaGrain(
    [PersistentState("selection-criteria", StorageNames.State)] IPersistentState<SelectionCriteriaState> state) : Grain, ISelectionCriteriaGrain
{
    private static readonly SetCriteriaValidator Rules = new();

    private SelectionCriteria Current => state.State.Criteria ?? SelectionCriteria.Default;

    public Task<SelectionCriteria> Get() => Task.FromResult(Current);

    public async Task<Outcome<SelectionCriteria>> Set(SetCriteria command)
    {
        if (CommandCheck.Refusal(Rules, command) is { } invalid) return invalid;
        var criteria = command.Criteria.Select(c => c with { Name = c.Name.Trim() }).ToList();
        var fingerprint = $"criteria:{command.BasedOnVersion}:" + Secrets.Hash(string.Join("\n", criteria.Select(c => $"{c.Id}={c.Name}")));
        switch (state.State.Applied.Find(command.IdempotencyKey))
        {
            case { Fingerprint: var f } when f == fingerprint: return Current;
            case not null: return DomainError.Conflict("idempotency.reused", "This idempotency key was already used for a different request.");
        }
        if (command.BasedOnVersion != Current.Version)
            return DomainError.Conflict("criteria.stale", "Someone else changed the criteria meanwhile. Reload and try again.");

        state.State.Criteria = new SelectionCriteria(criteria, Current.Version + 1);
        state.State.Applied.Remember(command.IdempotencyKey, fingerprint, Current.Version);
        await state.Store(this);
        return Current;
    }
}

[GenerateSerializer]
public sealed class SelectionCriteriaState
{
    /// <summary>Null until an organizer first changes the defaults.</summary>
    [Id(0)] public SelectionCriteria? Criteria { get; set; }

    [Id(1)] public IdempotencyLog Applied { get; set; } = new();
}
