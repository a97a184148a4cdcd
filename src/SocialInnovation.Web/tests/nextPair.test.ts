import { describe, expect, it } from 'vitest';
import { chooseNextPair, localStandings } from '../src/judging/nextPair';
import { localPair, localVerdicts } from '../src/judging/judgeLocal';
import type { JudgeOp, JudgeSheet, PairVerdict } from '../src/judging/judgingApi';

const [a, b, c, d] = ['team-a', 'team-b', 'team-c', 'team-d'];
const standing = (teamId: string, comparisons: number, strength: number) => ({ teamId, comparisons, strength });

// The same cases as the server's rule (NextPair.cs), so the tablet offline chooses as the server would.
describe('the next pair, by the server’s rule', () => {
  it('starts from the team with the fewest comparisons, then pitch order', () => {
    expect(chooseNextPair([a, b, c, d], [], [standing(a, 2, 0), standing(b, 1, 0), standing(c, 1, 0), standing(d, 2, 0)])).toEqual([b, c]);
  });

  it('pairs it with the team closest in strength, not the next in pitch order', () => {
    // D has the fewest comparisons; A is closest to it in strength.
    expect(chooseNextPair([a, b, c, d], [], [standing(a, 3, 0.1), standing(b, 3, 1.5), standing(c, 3, -1.2), standing(d, 1, 0)])).toEqual([a, d]);
  });

  it('breaks a tie in strength by fewer comparisons, then pitch order', () => {
    expect(chooseNextPair([a, b, c, d], [], [standing(a, 0, 0), standing(b, 4, 1), standing(c, 2, 1), standing(d, 3, -1)])).toEqual([a, c]);
    expect(chooseNextPair([a, b, c], [], [])).toEqual([a, b]);
  });

  it('never gives a pair the judge compared or skipped (either order), and nothing when none is left', () => {
    expect(chooseNextPair([a, b, c], [[b, a]], [])).toEqual([a, c]);
    expect(chooseNextPair([a, b, c], [[a, b], [c, a]], [standing(a, 0, 0)])).toEqual([b, c]);
    expect(chooseNextPair([a, b], [[a, b]], [])).toBeNull();
  });

  it('counts a new verdict waiting on the device as one comparison for each of its teams, a revision as none', () => {
    const kept = [standing(a, 1, 0.5), standing(b, 1, -0.5)];
    expect(localStandings(kept, [[a, c]])).toEqual([standing(a, 2, 0.5), standing(b, 1, -0.5), standing(c, 1, 0)]);
    expect(kept[0].comparisons).toBe(1); // the sheet's own standings are left as they were
  });
});

const sheet = (over: Partial<JudgeSheet> = {}): JudgeSheet => ({
  setup: { rubric: { criteria: [] }, tracks: [], pitchOrder: [a, b, c, d], cutoffs: [1], audienceWeight: 0.2, locked: false, version: 1, mode: 'Pairwise' },
  entries: [],
  conflicts: [],
  next: null,
  progress: { scored: 0, remaining: 6, skipped: 0 },
  pair: [a, b],
  verdicts: [],
  skippedPairs: [],
  standings: [standing(a, 0, 0), standing(b, 0, 0), standing(c, 0, 0), standing(d, 0, 0)],
  ...over,
} as JudgeSheet);
const compare = (first: string, second: string, better: string, basedOnVersion = 0): JudgeOp =>
  ({ kind: 'comparisons', body: { first, second, better, basedOnVersion, idempotencyKey: `k-${first}-${second}-${better}` } });

describe("the judge's tablet in pairwise mode between syncs", () => {
  it('after judging the server’s pair offline, goes on with the pair the server’s rule picks from the last standings', () => {
    // Pitch order would say A–C next; the rule starts from the teams with fewest comparisons, C and D.
    const s = sheet({ standings: [standing(a, 3, 1), standing(b, 3, -1), standing(c, 1, 0.9), standing(d, 1, -0.9)] });
    const verdicts = localVerdicts(s, [compare(a, b, a)]);
    expect(localPair(s, new Map(), new Set(), verdicts, [])).toEqual([a, c]);
    const after = localVerdicts(s, [compare(a, b, a), compare(a, c, c)]);
    // C now has two comparisons, D one: D against the closest in strength, B.
    expect(localPair(s, new Map(), new Set(), after, [])).toEqual([b, d]);
  });

  it('shows the server’s pair while nothing on the device settled it', () => {
    const s = sheet({ pair: [c, d] });
    expect(localPair(s, new Map(), new Set(), [], [])).toEqual([c, d]);
  });

  it('gives a waiting revision the next version, and the same verdict again none', () => {
    const confirmed: PairVerdict = { first: a, second: b, better: a, version: 1, at: '2026-11-26T10:00:00Z' };
    const s = sheet({ verdicts: [confirmed] });
    expect(localVerdicts(s, [compare(a, b, a, 1)])).toEqual([confirmed]);
    expect(localVerdicts(s, [compare(b, a, b, 1)])).toEqual([{ first: b, second: a, better: b, version: 2, at: '' }]);
  });
});
