namespace SocialInnovation.Grains.Common;

public static class StateStore
{
    /// <summary>
    /// Writes the grain's state. If storage fails, this activation's memory is ahead of storage, so the
    /// activation is dropped and the next call reloads what was stored: memory never runs ahead of
    /// storage, and a retry cannot take an early exit on a change that was never stored.
    /// </summary>
    public static async Task Store<T>(this IPersistentState<T> state, Grain grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
