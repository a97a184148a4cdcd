import { language, languages } from '../i18n';
import { chooseLanguage } from '../api/session';
import type { Me } from '../api/types';

/**
 * Switches the app's language: remembered on this device, and on the person when someone is signed in
 * (so their phone and tablet agree). The page reloads in the new language.
 */
export async function switchLanguage(to: string, me: Me | null | undefined): Promise<void> {
  localStorage.setItem('lang', to);
  if (me) await chooseLanguage(to).catch(() => undefined);
  location.reload();
}

/** A person who chose a language on another device sees it here too, once, on the first load of Me. */
export function followPersonsLanguage(me: Me | null): void {
  if (!me?.language || me.language === language || !languages.includes(me.language)) return;
  localStorage.setItem('lang', me.language);
  location.reload();
}
