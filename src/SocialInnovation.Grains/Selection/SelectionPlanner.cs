using SocialInnovation.Applications;
using SocialInnovation.Selection;

namespace SocialInnovation.Grains.Selection;

/// <summary>
/// "Suggest selection", as a pure function of the entries, the capacity and the quotas. The rule (also in
/// the README):
/// <list type="number">
/// <item>Places already offered or confirmed stay; they count toward capacity and quotas.</item>
/// <item>Open applications (submitted or waitlisted) are ranked by mean score (unscored last), then by
///   more reviews, then by who applied first — the same order breaks ties at the cut-off.</item>
/// <item>Minimums first: walking the ranking, an applicant from a country below its minimum gets a place.
///   When the minimums need more places than are left, the country whose next applicant ranks lower gives
///   way; a country with too few applicants gives way by itself. Both are reported as shortfalls.</item>
/// <item>Then the remaining places by rank, skipping anyone whose country's maximum is reached.</item>
/// <item>Everyone else, in rank order: the first <c>waitlistSize</c> are waitlisted, the rest are out.</item>
/// </list>
/// The capacity never gives way.
/// </summary>
public static class SelectionPlanner
{
    public static SelectionSuggestion Suggest(IEnumerable<SelectionEntry> entries, int capacity, SelectionSettings settings, int waitlistSize)
    {
        var quotas = settings.Quotas.ToDictionary(q => q.Country);
        var ranked = entries
            .Where(e => e.Status is ApplicationStatus.Accepted or ApplicationStatus.Confirmed or ApplicationStatus.Submitted or ApplicationStatus.Waitlisted)
            .OrderByDescending(e => e.Score.Mean ?? double.MinValue)
            .ThenByDescending(e => e.Score.Count)
            .ThenBy(e => e.Application.SubmittedAt)
            .ThenBy(e => e.Application.ApplicationId)
            .ToList();
        var rank = ranked.Select((e, i) => (e.Application.ApplicationId, i + 1)).ToDictionary();
        var placed = new Dictionary<Guid, (SuggestedOutcome Outcome, SuggestionReason Reason)>();
        var inCountry = new Dictionary<string, int>();
        int In(string country) => inCountry.GetValueOrDefault(country);
        void Take(SelectionEntry e, SuggestionReason reason)
        {
            placed[e.Application.ApplicationId] = (SuggestedOutcome.In, reason);
            inCountry[e.Application.Country] = In(e.Application.Country) + 1;
        }

        foreach (var held in ranked.Where(e => e.Status is ApplicationStatus.Accepted or ApplicationStatus.Confirmed))
            Take(held, SuggestionReason.AlreadyHolds);
        var heldCount = placed.Count;
        var open = ranked.Where(e => !placed.ContainsKey(e.Application.ApplicationId)).ToList();
        var free = Math.Max(0, capacity - heldCount);

        bool BelowMin(string country) => quotas.TryGetValue(country, out var q) && In(country) < q.Min;
        bool AtMax(string country) => quotas.TryGetValue(country, out var q) && In(country) >= q.Max;

        foreach (var e in open)
        {
            if (free == 0) break;
            if (!BelowMin(e.Application.Country) || AtMax(e.Application.Country)) continue;
            Take(e, SuggestionReason.CountryMinimum);
            free--;
        }

        var shortfalls = settings.Quotas
            .Where(q => In(q.Country) < q.Min)
            .Select(q => new QuotaShortfall(q.Country, q.Min, In(q.Country),
                open.Any(e => e.Application.Country == q.Country && !placed.ContainsKey(e.Application.ApplicationId))
                    ? ShortfallCause.NotEnoughPlaces
                    : ShortfallCause.TooFewApplicants))
            .OrderBy(s => s.Country)
            .ToList();

        var waitlisted = 0;
        foreach (var e in open)
        {
            var id = e.Application.ApplicationId;
            if (placed.ContainsKey(id)) continue;
            if (free > 0 && !AtMax(e.Application.Country))
            {
                Take(e, SuggestionReason.Score);
                free--;
                continue;
            }
            var reason = AtMax(e.Application.Country) ? SuggestionReason.CountryMaximum : SuggestionReason.BelowCutOff;
            if (waitlisted < waitlistSize)
            {
                placed[id] = (SuggestedOutcome.Waitlisted, reason);
                waitlisted++;
            }
            else
            {
                placed[id] = (SuggestedOutcome.Out, reason == SuggestionReason.CountryMaximum ? reason : SuggestionReason.BeyondWaitlist);
            }
        }

        var applicants = ranked.Select(e =>
        {
            var (outcome, reason) = placed[e.Application.ApplicationId];
            return new SuggestedPlace(e.Application.ApplicationId, e.Application.Name, e.Application.Country, e.Score.Mean,
                rank[e.Application.ApplicationId], e.Status, outcome, reason, e.Version);
        }).ToList();
        return new SelectionSuggestion(capacity, heldCount, applicants, shortfalls, settings.Version);
    }
}
