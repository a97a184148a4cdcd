import { t } from '../i18n';
import { User } from '../ui/text';
import { useNow } from './useLiveStream';

export interface UpcomingSlot { slotId: string; start: string; minutes: number; withName: string }

const soon = 10 * 60000;

/**
 * "Starts in N minutes": the office hours that begin within ten minutes (or have just begun), for the
 * team and for the mentor. Checked every 15 s on the device; a polite live region reads it out once.
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
