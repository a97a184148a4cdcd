import { phaseName, roleName, t } from '../i18n';
import type { CampEvent } from '../api/types';

/**
 * Says what a live event changed, in a polite live region: screen-reader users hear a new phase, a
 * newcomer or a new team without losing their place. Only live events speak, not the first load.
 */
export function Announcer({ event }: { event: CampEvent | null }) {
  return <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{event ? announce(event) : ''}</p>;
}

function announce(event: CampEvent): string {
  const change = event.payload;
  switch (event.kind) {
    case 'PhaseChanged': return t('live.phaseChanged', { phase: phaseName(change.phase) });
    case 'MemberJoined': return t('live.memberJoined', { name: change.memberName ?? '', role: change.memberRole ? roleName(change.memberRole) : '' });
    case 'TeamAdded': return t('live.teamAdded', { name: change.team?.name ?? '' });
    default: return '';
  }
}
