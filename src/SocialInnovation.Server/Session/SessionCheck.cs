using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using SocialInnovation.People;
using SocialInnovation.Server.Access;

namespace SocialInnovation.Server.Session;

/// <summary>
/// Whether a sign-in cookie's session is still live: its session id was not signed out, and the
/// person's session stamp is the one it was issued under (sign out everywhere and a replaced
/// organizer key change it). Checked on every request; each node remembers a person's sessions for
/// <c>Sessions:CheckCacheSeconds</c> (default 5), so a sign-out on another node takes at most that
/// long to reach this one, and one on this node applies at once. While the person's grain cannot be
/// reached (its silo just died), its last answer stands in for it (<see cref="LastKnown"/>, at most 30 s
/// old); a sign-out on this node forgets that answer at once.
/// </summary>
public sealed class SessionCheck(IGrainFactory grains, IMemoryCache cache, LastKnown lastKnown, IConfiguration configuration)
{
    public const string SessionIdClaim = "sid";
    public const string StampClaim = "stamp";

    private readonly TimeSpan _remember = TimeSpan.FromSeconds(configuration.GetValue("Sessions:CheckCacheSeconds", 5.0));

    /// <summary>True for anyone not signed in, and for a signed-in cookie whose session has not ended.</summary>
    public async ValueTask<bool> IsLive(ClaimsPrincipal user)
    {
        if (user.PersonId() is not { } personId) return true;
        // A cookie without a session (issued before sessions were checked) cannot be signed out: refused.
        if (user.FindFirstValue(SessionIdClaim) is not { } sessionId || !int.TryParse(user.FindFirstValue(StampClaim), out var stamp))
            return false;
        return (await Sessions(personId)).IsLive(sessionId, stamp);
    }

    /// <summary>The claims a new session's cookie carries.</summary>
    /// <param name="known">The person's sessions as their grain just answered them (read past any cache).</param>
    public async Task<Claim[]> Start(Guid personId, PersonSessions? known = null)
    {
        // Read past the cache: a stamp another node just changed must not be written into a new cookie.
        var sessions = known ?? await grains.GetGrain<IPersonGrain>(personId).GetSessions();
        cache.Set(Key(personId), sessions, _remember);
        return
        [
            new(SessionIdClaim, SocialInnovation.Grains.Common.Secrets.NewToken(16)),
            new(StampClaim, sessions.Stamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
    }

    public async Task End(ClaimsPrincipal user)
    {
        if (user.PersonId() is not { } personId || user.FindFirstValue(SessionIdClaim) is not { } sessionId) return;
        await grains.GetGrain<IPersonGrain>(personId).EndSession(sessionId);
        cache.Remove(Key(personId));
        lastKnown.Forget(Key(personId));
    }

    public async Task EndAll(Guid personId)
    {
        await grains.GetGrain<IPersonGrain>(personId).EndAllSessions();
        cache.Remove(Key(personId));
        lastKnown.Forget(Key(personId));
    }

    private async Task<PersonSessions> Sessions(Guid personId)
    {
        if (cache.TryGetValue(Key(personId), out PersonSessions? remembered)) return remembered!;
        // Only what the grain answered is remembered for the check's period; a stand-in answer is not.
        return await lastKnown.Ask(Key(personId), async () =>
        {
            var sessions = await grains.GetGrain<IPersonGrain>(personId).GetSessions();
            cache.Set(Key(personId), sessions, _remember);
            return sessions;
        });
    }

    private static (string, Guid) Key(Guid personId) => ("sessions", personId);
}
