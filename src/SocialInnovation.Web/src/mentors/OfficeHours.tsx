import { formatMoment, t } from '../i18n';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { User } from '../ui/text';
import { bookSlot, cancelBooking, newKey, type MentorCalendar } from './mentorsApi';
import { mergeSlots, StartsSoon, type UpcomingSlot } from './StartsSoon';
import { useMentorCalendars } from './useMentorCalendars';
import { hasEnded, useSlotClock } from './slotClock';

/**
 * The camp's mentors and their free slots, live (every mentor's calendar stream): the team books one,
 * cancels it, books another, and sees other teams' bookings and its own teammates' at once.
 */
export function OfficeHours({ campId, teamId, member, notices = [] }: { campId: string; teamId: string; member: boolean; notices?: UpcomingSlot[] }) {
  const { calendars: mentors, error, setError, keep, refresh } = useMentorCalendars(campId);
  const act = (action: () => Promise<MentorCalendar>) => {
    setError(null);
    action().then(keep, (e: unknown) => {
      setError(describe(e));
      void refresh();
    });
  };
  // Only slots that have not ended are offered: the server refuses to book an ended one (slot.past).
  const now = useSlotClock((mentors ?? []).flatMap((m) => m.slots));
  const ours = (mentors ?? []).flatMap((m) => m.slots.filter((s) => s.teamId === teamId).map((s) => ({ slotId: s.slotId, start: s.start, minutes: s.minutes, withName: m.profile.name })));

  return (
    <section class="card" aria-labelledby="office-hours-title">
      <h2 id="office-hours-title">{t('mentors.officeHours')}</h2>
      <StartsSoon slots={mergeSlots(notices, ours)} />
      <Message text={error} />
      {mentors && mentors.length === 0 && <p class="empty">{t('mentors.noMentors')}</p>}
      {(mentors ?? []).map((m) => {
        const upcoming = m.slots.filter((s) => !hasEnded(s, now));
        return (
          <div key={m.profile.personId} class="mentor">
            <h3><User>{m.profile.name}</User></h3>
            <p class="muted">{m.profile.tags.join(', ')}{m.profile.availability && <> · <User>{m.profile.availability}</User></>}</p>
            {m.profile.bio && <p><User>{m.profile.bio}</User></p>}
            {upcoming.length === 0 ? <p class="muted">{t('mentors.noSlots')}</p> : (
              <ul class="slots">
                {upcoming.map((s) => (
                  <li key={s.slotId}>
                    {formatMoment(s.start)} · {t('mentors.minutes', { minutes: s.minutes })}{' · '}
                    {s.teamId === teamId ? (
                      <>
                        <strong>{t('mentors.bookedByYou')}</strong>{' '}
                        {member && <button type="button" class="secondary" onClick={() => act(() => cancelBooking(campId, teamId, m.profile.personId, s.slotId, newKey()))}>{t('mentors.cancelBooking')}</button>}
                      </>
                    ) : s.teamId ? <span class="muted">{t('mentors.slotTaken')}</span> : member
                      ? <button type="button" data-testid="book-slot" onClick={() => act(() => bookSlot(campId, teamId, m.profile.personId, s.slotId, newKey()))}>{t('mentors.book')}</button>
                      : <span class="muted">{t('mentors.slotFree')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}
