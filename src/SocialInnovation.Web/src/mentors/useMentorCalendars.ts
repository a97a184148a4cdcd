import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../i18n';
import { watchStream } from '../live/streamStore';
import { streamName } from '../live/streams';
import { describe } from '../ui/describe';
import { listMentors, type MentorCalendar } from './mentorsApi';
import { reduceCalendar } from './streams';

/**
 * The camp's mentors with their office hours, live: the list once over HTTP, then each mentor's
 * calendar stream (<c>mentor:&lt;camp&gt;:&lt;person&gt;</c>, which every camp member may watch), so a slot
 * booked, cancelled, published or removed by anyone shows at once. A calendar is replaced only by a
 * newer version (a command's answer and the stream's event may arrive in either order). `refresh`
 * reloads the list, e.g. to find a mentor who set up a profile after the page opened.
 */
export function useMentorCalendars(campId: string) {
  const [calendars, setCalendars] = useState<MentorCalendar[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const keep = (next: MentorCalendar) => setCalendars((list) => {
    const all = list ?? [];
    const old = all.find((c) => c.profile.personId === next.profile.personId);
    if (old && old.version > next.version) return all;
    return old ? all.map((c) => (c === old ? next : c)) : [...all, next];
  });
  const refresh = () => listMentors(campId).then((list) => {
    setCalendars((old) => old ?? []);
    list.forEach(keep);
  }, (e: unknown) => setError(describe(e)));
  useEffect(() => void refresh(), [campId]);

  const ids = (calendars ?? []).map((c) => c.profile.personId).sort().join(',');
  useEffect(() => {
    if (!ids) return;
    const stores = ids.split(',').map((personId) => watchStream<MentorCalendar>(streamName('mentor', campId, personId.replace(/-/g, '')), {
      fromSnapshot: (snapshot) => snapshot as MentorCalendar,
      reduce: reduceCalendar,
      onChange: keep,
      onRefused: (code, detail) => setError(errorText(code, detail) ?? code),
    }));
    return () => stores.forEach((s) => s.stop());
  }, [campId, ids]);
  return { calendars, error, setError, keep, refresh };
}
