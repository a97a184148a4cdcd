import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/messages.en';
import { ru } from '../src/i18n/messages.ru';
import { pluralCategories, t } from '../src/i18n';

const catalogues: Record<string, Record<string, string>> = { en, ru };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogues', () => {
  it.each(Object.keys(catalogues))('%s has exactly the English keys, each with text', (lang) => {
    const messages = catalogues[lang];
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    const blank = Object.entries(messages).filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(blank).toEqual([]);
  });

  it.each(Object.keys(catalogues))('%s uses the same {placeholders} as English in every sentence', (lang) => {
    const differing = Object.keys(en).filter((key) =>
      placeholders(catalogues[lang][key]).join() !== placeholders(en[key as keyof typeof en]).join());
    expect(differing).toEqual([]);
  });

  it.each(Object.keys(catalogues))('%s gives every "{count:one|other}" as many forms as the language has, for a placeholder of its sentence', (lang) => {
    const wanted = pluralCategories(lang).length;
    const wrong = Object.entries(catalogues[lang]).flatMap(([key, text]) =>
      [...text.matchAll(/\{(\w+):([^{}]*)\}/g)]
        .filter(([, name, forms]) => forms.split('|').length !== wanted || !placeholders(text).includes(name))
        .map(([whole]) => `${key}: ${whole}`));
    expect(wrong).toEqual([]);
  });

  it('says "1 card" and "3 cards", also for a number already formatted', () => {
    expect(t('boards.cards', { count: 1 })).toBe('1 card');
    expect(t('boards.cards', { count: 3 })).toBe('3 cards');
    expect(t('boards.cards', { count: 0 })).toBe('0 cards');
    expect(t('boards.pending', { count: '1' })).toBe('1 change waiting to be sent');
    expect(t('audience.votes', { count: '1,234' })).toBe('1,234 votes');
    expect(t('boards.remaining', { points: 1, committed: 10 })).toBe('1 point left of 10');
  });

  it('counts story points in Russian with one pluralised word on every boards page, never «б.» or a bare «пойнтов»', () => {
    // A reader found «5 б.» on cards and «1 пойнтов» under the burndown: one word, declined by the number.
    const keys = Object.keys(ru).filter((key) => key.startsWith('boards.') && /\{points\b/.test(ru[key as keyof typeof ru]));
    expect(keys.sort()).toEqual(['boards.points', 'boards.remaining', 'boards.remainingGrown', 'boards.velocityItem']);
    expect(keys.filter((key) => !ru[key as keyof typeof ru].includes('{points:пойнт|пойнта|пойнтов|пойнта}'))).toEqual([]);
    expect(Object.entries(ru).filter(([, text]) => /\d\s*б\.|\}\s*б\.|\} пойнтов/.test(text)).map(([key]) => key)).toEqual([]);
    const say = (points: number) => inLanguage('ru', ru['boards.points'], { points });
    expect([1, 2, 5, 11, 21, 22, 25].map(say)).toEqual(
      ['1 пойнт', '2 пойнта', '5 пойнтов', '11 пойнтов', '21 пойнт', '22 пойнта', '25 пойнтов']);
    expect(inLanguage('ru', ru['boards.remaining'], { points: 3, committed: 13 })).toBe('Осталось 3 пойнта из 13');
  });

  it('calls a camp «кэмп» in Russian everywhere, as the app does, never «лагерь»', () => {
    expect(Object.entries(ru).filter(([, text]) => /лагер/i.test(text)).map(([key]) => key)).toEqual([]);
  });

  it('has text in every language for every error code the server can answer with', () => {
    const codes = serverErrorCodes();
    expect(codes.length).toBeGreaterThan(10);
    for (const [lang, messages] of Object.entries(catalogues)) {
      const missing = codes.filter((code) => !(`error.${code}` in messages));
      expect(missing, `add 'error.<code>' texts to src/i18n/messages.${lang}.ts`).toEqual([]);
    }
  });
});

/**
 * The stable codes of the server's refusals, read from its C# sources: DomainError.Conflict("code", …),
 * new DomainError(ErrorKind.X, "code", …), Refused("code", …) and the like.
 */
function serverErrorCodes(): string[] {
  const root = join(__dirname, '..', '..');
  const pattern = /(?:DomainError\.\w+|DomainError|new|Refused|NotFound|Conflict|Gone)\(\s*(?:ErrorKind\.\w+,\s*)?"([a-z]+(?:\.[a-z-]+)+)"/g;
  const codes = new Set<string>();
  for (const project of ['SocialInnovation.Abstractions', 'SocialInnovation.Grains', 'SocialInnovation.Server']) {
    for (const file of csFiles(join(root, project))) {
      for (const match of readFileSync(file, 'utf8').matchAll(pattern)) codes.add(match[1]);
    }
  }
  return [...codes].sort();
}

function csFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'bin' || name === 'obj') return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? csFiles(path) : name.endsWith('.cs') ? [path] : [];
  });
}

/** A sentence filled in as t() does, in a language other than the one the test runs in. */
function inLanguage(lang: string, template: string, params: Record<string, number>): string {
  const rules = new Intl.PluralRules(lang);
  const categories = pluralCategories(lang);
  return template
    .replace(/\{(\w+):([^{}]*)\}/g, (_, name: string, forms: string) => forms.split('|')[categories.indexOf(rules.select(params[name]))])
    .replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
}
