import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../i18n';
import { isConnected, onLiveState, onStreamEvents } from '../live/connection';
import { watchStream, type StreamHandle } from '../live/streamStore';
import { campStream, streamName } from '../live/streams';
import { describe } from '../ui/describe';
import { getOverview, type MentoringOverview } from './mentorsApi';

// Many streams may change at once (a take starts a session and changes the queue, a booking changes a
// calendar): their events within this pause cost one read of the overview, not one each.
const coalesceMs = 250;
// Only while the hub cannot be reached (a proxy that blocks WebSockets, a node restarting): with no
// stream events arriving, the page reads the overview this often so it does not silently go stale.
const hubDownEveryMs = 60000;

/**
 * The organizer's overview (sessions per team, load per mentor), kept live from the streams, with no poll:
 * the page watches the camp's stream (<c>camp:&lt;camp&gt;</c>: a team added, a mentor joined), each
 * team's sessions stream (<c>mentoring:&lt;camp&gt;:&lt;team&gt;</c>: a session started, ended, rated) and
 * each mentor's calendar (<c>mentor:&lt;camp&gt;:&lt;person&gt;</c>: a profile saved, a slot booked or
 * cancelled) of the teams and mentors the overview lists (every camp member with the mentor role, profile
 * or not: the calendar of a mentor without a profile refuses its catch-up, and its first event — the profile
 * saved — makes the page watch it afresh), and reads the overview again after their events. Join-then-catch-up: a stream's first answer
 * arrives after the page joined it, so it too causes one read — a change made between the read and the
 * join is not lost. After a reconnect the catch-up brings what was missed. The figures are computed by the
 * server from the grains, so the page never adds them up itself.
 */
export function useLiveOverview(campId: string, enabled: boolean) {
  const [overview, setOverview] = useState<MentoringOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  const asked = useRef(0);
  const watched = useRef(new Map<string, StreamHandle<unknown>>());
  // Mentors listed before they set up a profile: their calendar refuses a catch-up (mentor.unknown) until then.
  const waiting = useRef(new Map<string, () => void>());
  const [rejoin, setRejoin] = useState(0);

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

  // The documented fallback: a slow read only while the hub is down; none while it is connected.
  useEffect(() => {
    if (!enabled) return;
    let timer: number | undefined;
    const follow = () => {
      window.clearInterval(timer);
      timer = isConnected() ? undefined : window.setInterval(() => setChanges((n) => n + 1), hubDownEveryMs);
    };
    follow();
    const off = onLiveState(follow);
    return () => { off(); window.clearInterval(timer); };
  }, [campId, enabled]);

  // Leaving the page (or another camp) leaves every stream; declared before the joining effect below.
  useEffect(() => () => {
    for (const store of watched.current.values()) store.stop();
    watched.current.clear();
    for (const off of waiting.current.values()) off();
    waiting.current.clear();
  }, [campId, enabled]);
  const teams = (overview?.teams ?? []).map((team) => streamName('mentoring', campId, team.teamId.replace(/-/g, '')));
  const mentors = (overview?.mentors ?? []).map((m) => streamName('mentor', campId, m.mentorId.replace(/-/g, '')));
  const names = [campStream(campId), ...teams, ...mentors].sort().join(' ');
  useEffect(() => {
    if (!enabled) return;
    // Streams already watched stay watched (no new first answer, no extra read); new ones are joined, gone ones left.
    const wanted = new Set(names.split(' '));
    for (const [name, store] of watched.current) if (!wanted.has(name)) { store.stop(); watched.current.delete(name); }
    for (const [name, off] of waiting.current) if (!wanted.has(name)) { off(); waiting.current.delete(name); }
    for (const name of wanted) {
      if (watched.current.has(name)) continue;
      watched.current.set(name, watchStream<unknown>(name, {
        fromSnapshot: (snapshot) => snapshot,
        reduce: (state) => state,
        // Every answer is a reason to read again: the first (the join came after the last read), an event,
        // or a snapshot after a reconnect that may hide events.
        onChange: () => setChanges((n) => n + 1),
        onRefused: (code, detail) => {
          if (code !== 'mentor.unknown') {
            setError(errorText(code, detail) ?? code);
            return;
          }
          // A mentor without a profile yet. Watch joins the stream's group before it catches up, so this page
          // still receives the calendar's first event (the profile saved): then it watches afresh and reads again.
          // (A reconnect makes the store Watch again, which joins again.)
          if (waiting.current.has(name)) return;
          const off = onStreamEvents(name, () => {
            off();
            waiting.current.delete(name);
            watched.current.get(name)?.stop();
            watched.current.delete(name);
            setRejoin((n) => n + 1);
          });
          waiting.current.set(name, off);
        },
      }));
    }
  }, [campId, enabled, names, rejoin]);
  return { overview, error };
}
