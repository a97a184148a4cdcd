import { useState } from 'preact/hooks';
import { navigate } from '../router';
import { formatMoment, t } from '../i18n';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { User } from '../ui/text';
import { newKey, openSession, publishSlot, removeSlot, type MentorCalendar } from './mentorsApi';
import { mergeSlots, StartsSoon } from './StartsSoon';
import { endOf, hasEnded, useSlotClock } from './slotClock';

/** A local "YYYY-MM-DDTHH:mm" for the datetime-local input, an hour from now on the quarter. */
function nextQuarter(): string {
  const d = new Date(Date.now() + 60 * 60000);
  d.setMinutes(Math.ceil(d.getMinutes() / 15) * 15, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The mentor's office hours: publish a slot, see which team booked which, start the session at a booked slot. */
export function SlotsPanel({ campId, calendar, changed }: { campId: string; calendar: MentorCalendar; changed(c: MentorCalendar): void }) {
  const [start, setStart] = useState(nextQuarter);
  const [minutes, setMinutes] = useState(30);
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<MentorCalendar>) => {
    setError(null);
    action().then(changed, (e: unknown) => setError(describe(e)));
  };
  const booked = calendar.slots.filter((s) => s.teamId).map((s) => ({ slotId: s.slotId, start: s.start, minutes: s.minutes, withName: s.teamName ?? '' }));
  // Ended free slots are gone (nobody can book them); ended booked ones stay a while as the mentor's
  // recent history, marked as ended, with the way to the team's page.
  const now = useSlotClock(calendar.slots);
  const shown = calendar.slots.filter((s) => s.teamId ? endOf(s) > now - 3 * 3600000 : !hasEnded(s, now));

  return (
    <section class="card" aria-labelledby="slots-title">
      <h2 id="slots-title">{t('mentors.officeHours')}</h2>
      <StartsSoon slots={mergeSlots(calendar.notices.map((n) => ({ slotId: n.slotId, start: n.start, minutes: n.minutes, withName: n.teamName })), booked)} />
      <form class="inline-form" onSubmit={(e) => {
        e.preventDefault();
        run(() => publishSlot(campId, new Date(start).toISOString(), minutes, newKey()));
      }}>
        <label>{t('mentors.slotStart')} <input type="datetime-local" value={start} required onInput={(e) => setStart(e.currentTarget.value)} data-testid="slot-start" /></label>
        <label>{t('mentors.slotMinutes')}
          <select value={minutes} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
            {[15, 20, 30, 45, 60].map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
        <button type="submit" data-testid="publish-slot">{t('mentors.publishSlot')}</button>
      </form>
      <Message text={error} />
      {shown.length === 0 ? <p class="empty">{t('mentors.noSlots')}</p> : (
        <ul class="slots" data-testid="my-slots">
          {shown.map((s) => (
            <li key={s.slotId}>
              {formatMoment(s.start)} · {t('mentors.minutes', { minutes: s.minutes })}{' · '}
              {hasEnded(s, now) && <><span class="muted">{t('mentors.slotEnded')}</span>{' · '}</>}
              {s.teamId ? (
                <>
                  <a href={`/camps/${campId}/teams/${s.teamId}/mentoring`}><User>{s.teamName ?? ''}</User></a>{' '}
                  <button type="button" class="secondary" onClick={() => {
                    setError(null);
                    openSession(campId, s.teamId!, t('mentors.officeHourTopic'), newKey())
                      .then(() => navigate(`/camps/${campId}/teams/${s.teamId}/mentoring`), (e: unknown) => setError(describe(e)));
                  }}>{t('mentors.startSession')}</button>
                </>
              ) : (
                <>
                  <span class="muted">{t('mentors.slotFree')}</span>{' '}
                  <button type="button" class="secondary" onClick={() => run(() => removeSlot(campId, s.slotId, newKey()))}>{t('mentors.removeSlot')}</button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
