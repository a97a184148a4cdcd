import { useEffect, useState } from 'preact/hooks';
import type { StreamEnvelope } from '../api/types';
import { errorText } from '../i18n';
import { watchStream } from '../live/streamStore';
import { streamName } from '../live/streams';

/**
 * A stream's state kept live in a component: the snapshot on (re)sync, then each event reduced into it.
 * `version` counts changes (the page refreshes derived figures on it); `last` is the latest event.
 */
export function useLiveStream<S>(kind: string, campId: string, id: string | undefined, reduce: (state: S, event: StreamEnvelope) => S, enabled = true) {
  const [state, setState] = useState<S | null>(null);
  const [last, setLast] = useState<StreamEnvelope | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const store = watchStream<S>(streamName(kind, campId, id?.replace(/-/g, '')), {
      fromSnapshot: (snapshot) => snapshot as S,
      reduce,
      onChange: (next, event) => {
        setState(next);
        setLast(event);
      },
      onRefused: (code, detail) => setFailure(errorText(code, detail) ?? code),
    });
    return () => store.stop();
  }, [kind, campId, id, enabled]);
  return { state, last, failure };
}

/** Re-renders every `ms` (countdowns, waiting times). */
export function useNow(ms = 30000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}
