import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/messages.en';
import { ru } from '../src/i18n/messages.ru';
import { defaultPrivacyText, privacyInReadersLanguage } from '../src/apply/privacyText';

describe("the application form's privacy text", () => {
  it("knows the server's default word for word", () => {
    const source = readFileSync(new URL('../../SocialInnovation.Abstractions/Selection/ISelectionGrain.cs', import.meta.url), 'utf8');
    const declaration = /DefaultPrivacyText\s*=\s*([\s\S]*?);/.exec(source)![1];
    const server = [...declaration.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join('');
    expect(server).toBe(defaultPrivacyText);
  });

  it('shows the untouched default in the reader\'s language and an organizer\'s own text as written', () => {
    expect(en['apply.defaultPrivacy']).toBe(defaultPrivacyText);
    expect(ru['apply.defaultPrivacy']).not.toBe(defaultPrivacyText);
    expect(privacyInReadersLanguage(defaultPrivacyText)).toBe(en['apply.defaultPrivacy']);
    expect(privacyInReadersLanguage('Мы храним данные до конца кэмпа.')).toBe('Мы храним данные до конца кэмпа.');
  });
});
