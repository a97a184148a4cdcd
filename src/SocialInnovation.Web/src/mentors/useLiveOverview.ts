import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../i18n';
import { watchStream } from '../live/streamStore';
import { streamName } from '../live/streams';
import { describe } from '../ui/describe';
import { getOverview, type MentoringOverview } from './mentorsApi';

// Many streams may change at once (a take starts a session and changes the queue, a booking changes a
// calendar): their events within this pause cost one read of the overview, not one each.
const coalesceMs = 250;
// A mentor who sets up a profile after the page opened has no calendar stream watched yet; a slow read
// finds them (everything else arrives through the streams).
const newMentorsEveryMs = 60000;

/**
 * The organizer's overview (sessions per team, load per mentor), kept live: the page watches each team's
 * sessions stream (<c>mentoring:&lt;camp&gt;:&lt;team&gt;</c>: a session started, ended, rated) and each
 * mentor's calendar (<c>mentor:&lt;camp&gt;:&lt;person&gt;</c>: a slot booked or cancelled) of the teams and
 * mentors the overview lists, and reads the overview again after their events. The figures are computed
 * by the server from the grains, so the page never adds them up itself.
 */
export function useLiveOverview(campId: string, enabled: boolean) {
  const [overview, setOverview] = useState<MentoringOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  const asked = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    const load = () => {
      // An older answer never replaces a newer one.
      const mine = ++asked.current;
      void getOverview(campId).then((next) => mine === asked.current && setOverview(next), (e: unknown) => setError(describe(e)));
    };
    const timer = window.setTimeout(load, changes === 0 ? 0 : coalesceMs);
    return () => window.clearTimeout(timer);
  }, [campId, enabled, changes]);
  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(() => setChanges((n) => n + 1), newMentorsEveryMs);
    return () => window.clearInterval(timer);
  }, [campId, enabled]);

  const teams = (overview?.teams ?? []).map((team) => streamName('mentoring', campId, team.teamId.replace(/-/g, '')));
  const mentors = (overview?.mentors ?? []).map((m) => streamName('mentor', campId, m.mentorId.replace(/-/g, '')));
  const names = [...teams, ...mentors].sort().join(' ');
  useEffect(() => {
    if (!enabled || !names) return;
    const stores = names.split(' ').map((name) => {
      let first = true;
      return watchStream<unknown>(name, {
        fromSnapshot: (snapshot) => snapshot,
        reduce: (state) => state,
        // The first answer is the state the overview already counted; every later one is a change
        // (an event, or a snapshot after a reconnect that may hide events).
        onChange: () => {
          if (first) first = false;
          else setChanges((n) => n + 1);
        },
        onRefused: (code, detail) => setError(errorText(code, detail) ?? code),
      });
    });
    return () => stores.forEach((s) => s.stop());
  }, [campId, enabled, names]);
  return { overview, error };
}
