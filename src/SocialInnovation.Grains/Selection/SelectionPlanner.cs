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
/// <item>Minimums first: walking the ranking, an applicant who counts toward a quota (a country's, or
///   another field's such as role) still below its minimum gets a place, unless a quota they count toward
///   is at its maximum. When the minimums need more places than are left, the quota whose next applicant
///   ranks lower gives way; a quota with too few applicants gives way by itself, and so does one whose
///   remaining applicants are all held back by another quota's maximum (a maximum never gives way). All
///   three are reported as shortfalls.</item>
/// <item>Then the remaining places by rank, skipping anyone who counts toward a quota at its maximum.</item>
/// <item>Everyone else, in rank order: the first <c>waitlistSize</c> are waitlisted, the rest are out.</item>
/// </list>
/// The capacity never gives way.
/// </summary>
public static class SelectionPlanner
{
    public static SelectionSuggestion Suggest(IEnumerable<SelectionEntry> entries, int capacity, SelectionSettings settings, int waitlistSize)
    {
        var quotas = Quota.All(settings);
        var ranked = entries
            .Where(e => e.Status is ApplicationStatus.Accepted or ApplicationStatus.Confirmed or ApplicationStatus.Submitted or ApplicationStatus.Waitlisted)
            .OrderByDescending(e => e.Score.Mean ?? double.MinValue)
            .ThenByDescending(e => e.Score.Count)
            .ThenBy(e => e.Application.SubmittedAt)
            .ThenBy(e => e.Application.ApplicationId)
            .ToList();
        // Which quotas each applicant counts toward, worked out once.
        var counts = ranked.ToDictionary(e => e.Application.ApplicationId, e => quotas.Where(q => q.Matches(e.Application)).ToList());
        var placed = new Dictionary<Guid, (SuggestedOutcome Outcome, SuggestionReason Reason, Quota? Quota)>();
        var filled = new Dictionary<Quota, int>();
        int In(Quota q) => filled.GetValueOrDefault(q);
        void Take(SelectionEntry e, SuggestionReason reason, Quota? quota)
        {
            placed[e.Application.ApplicationId] = (SuggestedOutcome.In, reason, quota);
            foreach (var q in counts[e.Application.ApplicationId]) filled[q] = In(q) + 1;
        }
        Quota? BelowMin(SelectionEntry e) => counts[e.Application.ApplicationId].FirstOrDefault(q => In(q) < q.Min);
        Quota? AtMax(SelectionEntry e) => counts[e.Application.ApplicationId].FirstOrDefault(q => In(q) >= q.Max);

        foreach (var held in ranked.Where(e => e.Status is ApplicationStatus.Accepted or ApplicationStatus.Confirmed))
            Take(held, SuggestionReason.AlreadyHolds, null);
        var heldCount = placed.Count;
        var open = ranked.Where(e => !placed.ContainsKey(e.Application.ApplicationId)).ToList();
        var free = Math.Max(0, capacity - heldCount);

        foreach (var e in open)
        {
            if (free == 0) break;
            if (BelowMin(e) is not { } below || AtMax(e) is not null) continue;
            Take(e, below.Field == QuotaField.Country ? SuggestionReason.CountryMinimum : SuggestionReason.FieldMinimum, below);
            free--;
        }

        var shortfalls = quotas
            .Where(q => In(q) < q.Min)
            .Select(q =>
            {
                var left = open.Where(e => !placed.ContainsKey(e.Application.ApplicationId) && counts[e.Application.ApplicationId].Contains(q)).ToList();
                var cause = left.Count == 0 ? ShortfallCause.TooFewApplicants
                    : left.All(e => AtMax(e) is not null) ? ShortfallCause.MaximumElsewhere
                    : ShortfallCause.NotEnoughPlaces;
                return new QuotaShortfall(q.Field, q.Value, q.Min, In(q), cause);
            })
            .OrderBy(s => s.Field).ThenBy(s => s.Value, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var waitlisted = 0;
        foreach (var e in open)
        {
            var id = e.Application.ApplicationId;
            if (placed.ContainsKey(id)) continue;
            var full = AtMax(e);
            if (free > 0 && full is null)
            {
                Take(e, SuggestionReason.Score, null);
                free--;
                continue;
            }
            var reason = full is null ? SuggestionReason.BelowCutOff
                : full.Field == QuotaField.Country ? SuggestionReason.CountryMaximum : SuggestionReason.FieldMaximum;
            if (waitlisted < waitlistSize)
            {
                placed[id] = (SuggestedOutcome.Waitlisted, reason, full);
                waitlisted++;
            }
            else
            {
                placed[id] = (SuggestedOutcome.Out, full is null ? SuggestionReason.BeyondWaitlist : reason, full);
            }
        }

        var applicants = ranked.Select((e, i) =>
        {
            var (outcome, reason, quota) = placed[e.Application.ApplicationId];
            return new SuggestedPlace(e.Application.ApplicationId, e.Application.Name, e.Application.Country, e.Score.Mean,
                i + 1, e.Status, outcome, reason, e.Version, quota is null ? null : new QuotaKey(quota.Field, quota.Value));
        }).ToList();
        return new SelectionSuggestion(capacity, heldCount, applicants, shortfalls, settings.Version);
    }
}
