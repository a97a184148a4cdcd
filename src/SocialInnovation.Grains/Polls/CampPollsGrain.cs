using SocialInnovation.Grains.Common;
using SocialInnovation.Polls;

namespace SocialInnovation.Grains.Polls;

/// <summary>A camp's poll ids, newest first. A camp opens a handful of polls, so one small list is enough.</summary>
public sealed class CampPollsGrain(
    [PersistentState("camp-polls", StorageNames.State)] IPersistentState<CampPollsState> state) : Grain, ICampPollsGrain
{
    public async Task Add(Guid pollId)
    {
        if (state.State.Polls.Contains(pollId)) return;
        state.State.Polls.Insert(0, pollId);
        await state.Store(this);
    }

    public Task<IReadOnlyList<Guid>> List() => Task.FromResult<IReadOnlyList<Guid>>(state.State.Polls.ToList());
}

[GenerateSerializer]
public sealed class CampPollsState
{
    [Id(0)] public List<Guid> Polls { get; set; } = [];
}
