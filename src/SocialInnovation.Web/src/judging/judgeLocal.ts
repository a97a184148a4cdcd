import type { JudgeOp, JudgeSheet, SheetEntry } from './judgingApi';

/** The judge's entries with the changes still waiting on this device applied on top (each one version further). */
export function localEntries(sheet: JudgeSheet, waiting: readonly JudgeOp[], now = new Date()): Map<string, SheetEntry> {
  const entries = new Map(sheet.entries.map((e) => [e.teamId, e]));
  for (const op of waiting) {
    if (op.kind !== 'scores' && op.kind !== 'skips') continue;
    const before = entries.get(op.body.teamId);
    const version = (before?.version ?? 0) + 1;
    const at = now.toISOString();
    if (op.kind === 'scores') entries.set(op.body.teamId, { teamId: op.body.teamId, status: 'Scored', marks: op.body.marks, comment: op.body.comment, weightedScore: null, version, at });
    else entries.set(op.body.teamId, { teamId: op.body.teamId, status: op.body.absent ? 'Absent' : 'Skipped', marks: {}, comment: null, weightedScore: null, version, at });
  }
  return entries;
}

/** Teams the judge is kept off: the server's list and the conflicts declared on this device not yet sent. */
export function keptOff(sheet: JudgeSheet, waiting: readonly JudgeOp[]): Set<string> {
  return new Set([...sheet.conflicts, ...waiting.flatMap((op) => (op.kind === 'conflicts' ? [op.body.teamId] : []))]);
}

/**
 * The team to show: the server's choice while it is still open here; otherwise (offline, or the server's
 * choice was just done on this device) the next team in pitch order not yet done here and not kept off.
 */
export function localNext(sheet: JudgeSheet, entries: ReadonlyMap<string, SheetEntry>, off: ReadonlySet<string>): string | null {
  if (sheet.next && !entries.has(sheet.next) && !off.has(sheet.next)) return sheet.next;
  return sheet.setup.pitchOrder.find((id) => !entries.has(id) && !off.has(id)) ?? null;
}
