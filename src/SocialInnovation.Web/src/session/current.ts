import { signal } from '@preact/signals';
import { loadMe } from '../api/session';
import type { Me } from '../api/types';
import { followPersonsLanguage } from './language';

/** Who is signed in, shared by the header and the pages: undefined until first asked, null for nobody. */
export const me = signal<Me | null | undefined>(undefined);
let inFlight: Promise<Me | null> | null = null;

export function currentMe(refresh = false): Promise<Me | null> {
  if (me.value !== undefined && !refresh) return Promise.resolve(me.value);
  inFlight ??= loadMe().then(
    (loaded) => {
      inFlight = null;
      me.value = loaded;
      followPersonsLanguage(loaded);
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
  me.value = value;
}
