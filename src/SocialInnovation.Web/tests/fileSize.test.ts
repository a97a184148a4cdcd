import { describe, expect, it } from 'vitest';
import { formatSize } from '../src/artifacts/fileSize';

describe("a file's size", () => {
  it('is written in the reader\'s language', () => {
    expect(formatSize(700, 'en')).toBe('1 kB');
    expect(formatSize(1536 * 1024, 'en')).toBe('1.5 MB');
    expect(formatSize(700, 'ru')).toBe('1 кБ');
    expect(formatSize(1536 * 1024, 'ru')).toBe('1,5 МБ');
  });
});
