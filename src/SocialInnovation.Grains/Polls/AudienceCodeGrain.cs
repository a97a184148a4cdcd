using SocialInnovation.Audience;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Grains.Polls;

/// <summary>A join code's target. The first poll to claim a code keeps it; the opener tries another code on a clash.</summary>
public sealed class AudienceCodeGrain(
    [PersistentState("audience-code", StorageNames.State)] IPersistentState<AudienceCodeState> state) : Grain, IAudienceCodeGrain
{
    public async Task<bool> Claim(Guid campId, Guid pollId)
    {
        if (state.State.Target is { } held) return held.PollId == pollId;
        state.State.Target = new AudienceCodeTarget(campId, pollId);
        await state.Store(this);
        return true;
    }

    public Task<AudienceCodeTarget?> Resolve() => Task.FromResult(state.State.Target);
}

[GenerateSerializer]
public sealed class AudienceCodeState
{
    [Id(0)] public AudienceCodeTarget? Target { get; set; }
}
