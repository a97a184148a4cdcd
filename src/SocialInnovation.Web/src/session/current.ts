import { signal } from '@preact/signals';
import { loadMe } from '../api/session';
import type { Me } from '../api/types';
import { followPersonsLanguage } from './language';
import { ApiProblem } from '../api/http';
import { keptValue } from '../offline/deviceStore';

// Who was signed in when the server last said, kept on the device: a page opened again with no connection (a
// judge's sheet, a team's board on weak venue Wi-Fi) still knows whose it is. The server decides every request
// anyway; signing out here forgets it.
const kept = keptValue<Me>('session');
const keepMe = (value: Me | null) => void (value ? kept.write('me', value) : kept.forget('me'));

/** Who is signed in, shared by the header and the pages: undefined until first asked, null for nobody. */
export const me = signal<Me | null | undefined>(undefined);
let inFlight: Promise<Me | null> | null = null;

export function currentMe(refresh = false): Promise<Me | null> {
  if (me.value !== undefined && !refresh) return Promise.resolve(me.value);
  inFlight ??= loadMe().then(
    (loaded) => {
      inFlight = null;
      me.value = loaded;
      keepMe(loaded);
      followPersonsLanguage(loaded);
      return loaded;
    },
    async (error: unknown) => {
      inFlight = null;
      const last = error instanceof ApiProblem && error.status === 0 ? await kept.read('me') : undefined;
      if (!last) throw error;
      me.value ??= last;
      return last;
    },
  );
  return inFlight;
}

export function setMe(value: Me | null): void {
  me.value = value;
  keepMe(value);
}
