import { describe, expect, it } from 'vitest';
import { keptOff, localEntries, localNext } from '../src/judging/judgeLocal';
import type { JudgeOp, JudgeSheet } from '../src/judging/judgingApi';

const [a, b, c] = ['team-a', 'team-b', 'team-c'];
const sheet = (next: string | null, conflicts: string[] = []): JudgeSheet => ({
  setup: { rubric: { criteria: [] }, tracks: [], pitchOrder: [a, b, c], cutoffs: [1], audienceWeight: 0.2, locked: false, version: 1 },
  entries: [],
  conflicts,
  next,
  progress: { scored: 0, remaining: 3, skipped: 0 },
});
const score = (teamId: string): JudgeOp => ({ kind: 'scores', body: { teamId, marks: { impact: 7 }, comment: null, basedOnVersion: 0, idempotencyKey: `k-${teamId}` } });
const conflict = (teamId: string): JudgeOp => ({ kind: 'conflicts', body: { teamId, reason: 'My cousin', idempotencyKey: `c-${teamId}` } });

describe("the judge's tablet between syncs", () => {
  it('shows the server’s next team until this device has done it, then the next one in pitch order', () => {
    const s = sheet(b);
    expect(localNext(s, localEntries(s, []), keptOff(s, []))).toBe(b);
    const waiting = [score(b)];
    expect(localNext(s, localEntries(s, waiting), keptOff(s, waiting))).toBe(a);
  });

  it('never shows a team the judge declared a conflict with, even before the declaration is sent', () => {
    const s = sheet(a, [c]);
    const waiting = [conflict(a)];
    const entries = localEntries(s, waiting);
    expect(entries.size).toBe(0);
    expect([...keptOff(s, waiting)].sort()).toEqual([a, c].sort());
    expect(localNext(s, entries, keptOff(s, waiting))).toBe(b);
  });

  it('applies waiting scores on top of the sheet, one version further each', () => {
    const s = sheet(a);
    const entries = localEntries(s, [score(a), score(a)]);
    expect(entries.get(a)).toMatchObject({ status: 'Scored', version: 2, weightedScore: null });
  });
});
