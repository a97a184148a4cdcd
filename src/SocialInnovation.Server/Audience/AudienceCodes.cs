using System.Collections.Concurrent;
using SocialInnovation.Audience;

namespace SocialInnovation.Server.Audience;

/// <summary>
/// What a vote needs to know about its join code: the poll, its camp and whether it requires a camp invite.
/// None of it changes once the poll is open, so each node remembers it instead of asking two grains (and
/// building a whole tally) for every one of thousands of votes a second.
/// </summary>
public sealed class AudienceCodes(IGrainFactory grains)
{
    /// <summary>Enough for every poll of a busy node; past it the memory starts over.</summary>
    private const int Remembered = 10_000;

    private readonly ConcurrentDictionary<string, AudienceCode> _known = new(StringComparer.Ordinal);

    /// <summary>The code's poll once it is open; null for a code no poll holds (never remembered: it may be claimed later).</summary>
    public async Task<AudienceCode?> Resolve(string normalizedCode)
    {
        if (_known.TryGetValue(normalizedCode, out var known)) return known;
        if (await grains.GetGrain<IAudienceCodeGrain>(normalizedCode).Resolve() is not { } target) return null;
        if (await grains.GetGrain<IAudiencePollGrain>(target.PollId).GetForAudience() is not { } view) return null;
        if (_known.Count >= Remembered) _known.Clear();
        return _known[normalizedCode] = new AudienceCode(target.CampId, target.PollId, view.Audience.RequireInvite);
    }
}

public sealed record AudienceCode(Guid CampId, Guid PollId, bool RequireInvite);
