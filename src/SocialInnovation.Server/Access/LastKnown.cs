using Microsoft.Extensions.Caching.Memory;
using Orleans.Runtime;

namespace SocialInnovation.Server.Access;

/// <summary>
/// What a person's grain last answered about them (their sessions, their role in a camp), for the
/// seconds in which it cannot be asked. When a silo is killed, its grains and the grain-directory
/// entries it held are unreachable until the cluster declares it dead and they are activated anew
/// (~2–3 s); every request of a person whose grain was there failed with 503 meanwhile, and with it
/// the writes and re-watches of everyone that person is (the fault run: 86 of 107 refused writes came
/// from the session check). A call that fails because the grain is unreachable is therefore answered
/// with that grain's own last answer, if it is at most <see cref="For"/> old. Any answer the grain
/// gives — a refusal too — is used as it is; only a failure to reach it falls back. Nothing is granted
/// that the grain did not grant within <see cref="For"/>, and nothing could have changed it meanwhile
/// through that grain, since it could not be reached either.
/// </summary>
public sealed class LastKnown(IMemoryCache cache)
{
    /// <summary>Longer than a dead silo takes to be replaced (~2–3 s, 6 s under heavy load); short next to a session.</summary>
    public static readonly TimeSpan For = TimeSpan.FromSeconds(30);

    /// <summary>Asks the grain; when it cannot be reached, answers what it last answered for <paramref name="key"/> within <see cref="For"/>.</summary>
    public async Task<T> Ask<T>(object key, Func<Task<T>> ask)
    {
        try
        {
            var answer = await ask();
            cache.Set(Key(key), new Answer<T>(answer), For);
            return answer;
        }
        catch (Exception ex) when (Unreachable(ex) && cache.TryGetValue(Key(key), out Answer<T>? last))
        {
            return last!.Value;
        }
    }

    /// <summary>Forgets the last answer, e.g. once this node signed the session out: it must never be answered again.</summary>
    public void Forget(object key) => cache.Remove(Key(key));

    /// <summary>The grain could not be reached (its silo died, the directory is catching up, the call timed out); not a refusal.</summary>
    public static bool Unreachable(Exception ex) => ex is OrleansException or TimeoutException;

    private static (string, object) Key(object key) => ("last-known", key);

    // A wrapper, so that a null answer (no role) is remembered as an answer.
    private sealed record Answer<T>(T Value);
}
