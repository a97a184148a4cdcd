import { t, type MessageKey } from '../i18n';
import type { ApplicationStatus, SelectionEntry, SelectionOverview } from './intakeApi';

export const statusName = (s: ApplicationStatus) => t(`selection.status.${s}` as MessageKey);

/**
 * The order in which waitlisted applicants are offered a freed place, as the server promotes them
 * (README, "Waiting list"): a country still below its minimum first, then the highest mean score
 * (unscored last), then who was waitlisted first, then who applied first.
 */
export function waitlistOrder(entries: SelectionEntry[], overview: SelectionOverview): SelectionEntry[] {
  const belowMin = new Set(overview.countries.filter((c) => c.min !== null && c.taken < c.min).map((c) => c.country));
  const time = (at: string | null | undefined) => (at ? Date.parse(at) : Number.MAX_SAFE_INTEGER);
  return entries
    .filter((e) => e.status === 'Waitlisted')
    .sort((a, b) =>
      Number(belowMin.has(b.application.country)) - Number(belowMin.has(a.application.country))
      || (b.score.mean ?? -1) - (a.score.mean ?? -1)
      || time(a.waitlistedAt) - time(b.waitlistedAt)
      || time(a.application.submittedAt) - time(b.application.submittedAt));
}
