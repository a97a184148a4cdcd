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
