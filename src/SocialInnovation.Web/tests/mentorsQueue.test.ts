import { describe, expect, it } from 'vitest';
import { aboutMinutes } from '../src/mentors/queue';

describe('the help queue\'s "about N min"', () => {
  it('is whole minutes rounded up and never 0, however quick the last sessions were', () => {
    expect(aboutMinutes(0)).toBe(1);
    expect(aboutMinutes(0.02)).toBe(1);
    expect(aboutMinutes(15)).toBe(15);
    expect(aboutMinutes(22.4)).toBe(23);
  });
});
