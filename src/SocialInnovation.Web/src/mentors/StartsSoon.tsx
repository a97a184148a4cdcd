import { t } from '../i18n';
import { User } from '../ui/text';
import { useNow } from './useLiveStream';

export interface UpcomingSlot { slotId: string; start: string; minutes: number; withName: string }

/** Both lists, each slot once: the notices the server sent and the slots the page knows itself. */
export const mergeSlots = (a: UpcomingSlot[], b: UpcomingSlot[]): UpcomingSlot[] =>
  [...a, ...b.filter((s) => !a.some((x) => x.slotId === s.slotId))];

const soon = 10 * 60000;

/**
 * "Starts in N minutes": the office hours that begin within ten minutes (or have just begun), for the
 * team and for the mentor: the notices the mentor's grain sent on its reminder (kept on the team's and
 * the mentor's streams, so they show whenever the app is opened) and the booked slots the page knows.
 * Checked every 15 s on the device; a polite live region reads it out once.
 */
export function StartsSoon({ slots }: { slots: UpcomingSlot[] }) {
  const now = useNow(15000);
  const due = slots.filter((s) => {
    const start = Date.parse(s.start);
    return start - now <= soon && start + s.minutes * 60000 > now;
  });
  return (
    <div class="starts-soon" role="status" aria-live="polite" data-testid="starts-soon">
      {due.map((s) => {
        const minutes = Math.ceil((Date.parse(s.start) - now) / 60000);
        return (
          <p key={s.slotId} class="notice">
            {minutes > 0 ? t('mentors.startsIn', { minutes }) : t('mentors.startedNow')} <User>{s.withName}</User>
          </p>
        );
      })}
    </div>
  );
}
