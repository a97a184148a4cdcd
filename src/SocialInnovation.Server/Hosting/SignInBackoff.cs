using System.Collections.Concurrent;

namespace SocialInnovation.Server.Hosting;

/// <summary>
/// After a few wrong organizer keys from one address, that address waits before it may try again:
/// 2 s, then 4, 8, … up to <c>RateLimits:SignInBackoffMaxSeconds</c>, even with the right key. A right
/// key forgives the address. Kept per node, in memory: with N nodes a guesser gets N times the tries,
/// still hopeless against a 256-bit key, and the per-address rate limit holds as well.
/// </summary>
public sealed class SignInBackoff(RateLimitSettings limits, TimeProvider clock)
{
    private const int MaxTracked = 10_000;
    private readonly ConcurrentDictionary<string, Failures> _byAddress = new();

    private sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset BlockedUntil);

    /// <summary>How long this address must still wait, or null when it may try now.</summary>
    public TimeSpan? Wait(string address) =>
        limits.Enabled && _byAddress.TryGetValue(address, out var f) && f.BlockedUntil > clock.GetUtcNow() ? f.BlockedUntil - clock.GetUtcNow() : null;

    public void Failed(string address)
    {
        var now = clock.GetUtcNow();
        if (_byAddress.Count >= MaxTracked) Forget(now);
        _byAddress.AddOrUpdate(address,
            _ => Next(0, now),
            (_, f) => Next(now - f.Last > ForgetAfter ? 0 : f.Count, now));
    }

    public void Succeeded(string address) => _byAddress.TryRemove(address, out _);

    private TimeSpan ForgetAfter => TimeSpan.FromSeconds(limits.SignInBackoffMaxSeconds * 2);

    private Failures Next(int count, DateTimeOffset now)
    {
        var over = count + 1 - limits.SignInFailuresBeforeBackoff;
        var wait = over < 0 ? 0 : Math.Min(limits.SignInBackoffMaxSeconds, Math.Pow(2, Math.Min(over + 1, 20)));
        return new Failures(count + 1, now, now.AddSeconds(wait));
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (address, f) in _byAddress)
            if (now - f.Last > ForgetAfter) _byAddress.TryRemove(address, out _);
    }
}
