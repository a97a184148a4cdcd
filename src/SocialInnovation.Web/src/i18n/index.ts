import { en, type MessageKey, type Messages } from './messages.en';
import type { Phase, Role } from '../api/types';

export type { MessageKey };
type Params = Record<string, string | number>;

// Every src/i18n/messages.<lang>.ts is a catalogue; adding a language is adding that file.
const modules = import.meta.glob<Record<string, Partial<Messages>>>('./messages.*.ts', { eager: true });
const catalogues = new Map<string, Partial<Messages>>();
for (const [path, exports] of Object.entries(modules)) {
  const lang = /messages\.([a-z-]+)\.ts$/i.exec(path)?.[1];
  const messages = Object.values(exports)[0];
  // An empty stub is not offered: a page in "ru" that is all English would mislead screen readers.
  if (lang && messages && Object.keys(messages).length > 0) catalogues.set(lang, messages);
}

/** The reader's choice on this device, else the first of the browser's languages the app is written in. */
function pickLanguage(): string {
  // Guarded so that modules importing i18n also load where there is no browser (vitest in node).
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('lang');
  const wanted = [stored, ...(globalThis.navigator?.languages ?? [])].filter((l): l is string => !!l);
  for (const tag of wanted) {
    const base = tag.toLowerCase().split('-')[0];
    if (catalogues.has(base)) return base;
  }
  return 'en';
}

export const language = pickLanguage();
/** The languages the app is written in, English first. */
export const languages = ['en', ...[...catalogues.keys()].filter((l) => l !== 'en').sort()];
/** A language's name in that language ("Русский"), for the switch. */
export const ownName = (code: string): string => {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
};
const active = catalogues.get(language) ?? en;

export function has(key: string): key is MessageKey {
  return key in en;
}

/**
 * A language's plural forms in CLDR's order (zero, one, two, few, many, other — those it has): the order of
 * the forms in a sentence's "{count:card|cards}" (English: one|other; Russian: one|few|many|other).
 */
export function pluralCategories(lang: string): Intl.LDMLPluralRule[] {
  const has = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  return (['zero', 'one', 'two', 'few', 'many', 'other'] as const).filter((c) => has.includes(c));
}
const rules = new Intl.PluralRules(language);
const categories = pluralCategories(language);

/** The form for a number, also when it comes already formatted ("1,234", "1 234"). */
function pluralForm(value: string | number, forms: string[]): string {
  const n = typeof value === 'number' ? value : Number(value.replace(/[^\d.-]/g, ''));
  return forms[categories.indexOf(rules.select(n))] ?? forms[forms.length - 1];
}

export function t(key: MessageKey, params?: Params): string {
  const template = active[key] ?? en[key];
  if (!params) return template;
  return template
    .replace(/\{(\w+):([^{}]*)\}/g, (whole, name: string, forms: string) =>
      name in params ? pluralForm(params[name], forms.split('|')) : whole)
    .replace(/\{(\w+)\}/g, (whole, name: string) => name in params ? String(params[name]) : whole);
}

export const phaseName = (phase: Phase): string => t(`phase.${phase}` as MessageKey);
export const roleName = (role: Role): string => t(`role.${role}` as MessageKey);

/** A server error code (e.g. "phase.stale") in the reader's language, else the server's English detail. */
export function errorText(code: string | undefined | null, detail: string | undefined | null): string | null {
  const key = `error.${code}`;
  if (code && has(key)) return t(key);
  return detail || null;
}

const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });

/** A calendar date such as "2026-12-01": formatted in UTC so it never shifts by a day. */
export const formatDay = (isoDate: string): string => dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
export const formatMoment = (iso: string): string => dateTimeFormat.format(new Date(iso));
/** From one moment to another in the reader's time zone, the day said once when both fall on it ("Nov 26, 2026, 4:00 – 10:00 PM"). */
export const formatMoments = (start: string, end: string): string => dateTimeFormat.formatRange(new Date(start), new Date(end));
const timeFormat = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
/** A time of day in the reader's time zone ("4:00 PM"), where the day is plain from the context (a sprint's hours). */
export const formatTime = (date: Date): string => timeFormat.format(date);
const numberFormat = new Intl.NumberFormat(language);
export const formatNumber = (n: number): string => numberFormat.format(n);
export const formatDays = (start: string, end: string): string =>
  t('common.dates', { start: formatDay(start), end: formatDay(end) });

const languageNames = new Intl.DisplayNames([language], { type: 'language' });
const regionNames = new Intl.DisplayNames([language], { type: 'region' });
const displayName = (names: Intl.DisplayNames, code: string): string => {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
};
/** "ru" → "Russian", in the reader's language. */
export const languageName = (code: string): string => displayName(languageNames, code);
/** "KZ" → "Kazakhstan", in the reader's language. */
export const countryName = (code: string): string => displayName(regionNames, code);
