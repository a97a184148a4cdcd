import { loadMe } from '../api/session';
import type { Me } from '../api/types';

// Who is signed in, shared by the header and the pages. Undefined until first asked.
let me: Me | null | undefined;
let inFlight: Promise<Me | null> | null = null;
const listeners = new Set<(me: Me | null) => void>();

export function currentMe(refresh = false): Promise<Me | null> {
  if (me !== undefined && !refresh) return Promise.resolve(me);
  inFlight ??= loadMe().then(
    (loaded) => {
      inFlight = null;
      setMe(loaded);
      return loaded;
    },
    (error: unknown) => {
      inFlight = null;
      throw error;
    },
  );
  return inFlight;
}

export function setMe(value: Me | null): void {
  me = value;
  for (const listener of listeners) listener(value);
}

export function onMeChanged(listener: (me: Me | null) => void): void {
  listeners.add(listener);
}
