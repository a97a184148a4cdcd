import type { JudgeOp, JudgeSheet, PairVerdict, SheetEntry } from './judgingApi';
import { chooseNextPair, localStandings, type Pair } from './nextPair';

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

const samePair = (a: readonly string[], b: readonly string[]) => (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);

/**
 * Pairwise mode: the judge's verdicts with the ones still waiting on this device on top (a waiting verdict
 * replaces the server's on the same pair, one version further; <c>at</c> empty until acknowledged).
 */
export function localVerdicts(sheet: JudgeSheet, waiting: readonly JudgeOp[]): PairVerdict[] {
  const verdicts = [...(sheet.verdicts ?? [])];
  for (const op of waiting) {
    if (op.kind !== 'comparisons') continue;
    const i = verdicts.findIndex((v) => samePair([v.first, v.second], [op.body.first, op.body.second]));
    // The same verdict again changes nothing on the server either (no new version).
    if (verdicts[i]?.better === op.body.better) continue;
    const verdict = { first: op.body.first, second: op.body.second, better: op.body.better, version: (verdicts[i]?.version ?? 0) + 1, at: '' };
    if (i >= 0) verdicts[i] = verdict;
    else verdicts.push(verdict);
  }
  return verdicts;
}

/** Pairwise mode: the pairs skipped for now, on the server and on this device, not compared since. */
export function localSkippedPairs(sheet: JudgeSheet, waiting: readonly JudgeOp[], verdicts: readonly PairVerdict[]): Pair[] {
  const skipped: Pair[] = [...(sheet.skippedPairs ?? []).map((p) => [p.first, p.second] as const),
    ...waiting.flatMap((op) => (op.kind === 'pair-skips' ? [[op.body.first, op.body.second] as const] : []))];
  return skipped.filter((p) => !verdicts.some((v) => samePair([v.first, v.second], p)));
}

/**
 * Pairwise mode: the two teams to show. The server's pair while nothing on this device settled it;
 * otherwise (offline, or the pair was just judged or skipped here) the pair the server's rule would choose
 * (`chooseNextPair`: fewest comparisons first, against the closest in strength) from the last standings the
 * sheet carried, with the verdicts waiting here counted in, avoiding pairs compared or skipped and teams
 * skipped or reported absent — and, as on the server, those come back when no other pair is left.
 */
export function localPair(sheet: JudgeSheet, entries: ReadonlyMap<string, SheetEntry>, off: ReadonlySet<string>,
  verdicts: readonly PairVerdict[], skipped: readonly Pair[]): Pair | null {
  const setAside = (team: string) => ['Skipped', 'Absent'].includes(entries.get(team)?.status ?? '');
  const done = (p: readonly string[]) => verdicts.some((v) => samePair([v.first, v.second], p));
  const open = (p: readonly string[]) => !done(p) && !skipped.some((s) => samePair(s, p)) && !p.some(setAside);
  const server = sheet.pair;
  if (server && server.length === 2 && !server.some((t) => off.has(t)) && open(server)) return [server[0]!, server[1]!];
  const confirmed = sheet.verdicts ?? [];
  const waitingNew = verdicts.filter((v) => !v.at && !confirmed.some((c) => samePair([c.first, c.second], [v.first, v.second])))
    .map((v) => [v.first, v.second] as const);
  const standings = localStandings(sheet.standings ?? [], waitingNew);
  const teams = sheet.setup.pitchOrder.filter((id) => !off.has(id));
  const compared = verdicts.map((v) => [v.first, v.second] as const);
  return chooseNextPair(teams.filter((t) => !setAside(t)), [...compared, ...skipped], standings)
    ?? chooseNextPair(teams, compared, standings);
}

/** Pairwise progress as this device knows it: pairs compared, pairs left, pairs skipped and teams set aside. */
export function localPairProgress(sheet: JudgeSheet, entries: ReadonlyMap<string, SheetEntry>, off: ReadonlySet<string>,
  verdicts: readonly PairVerdict[], skipped: readonly Pair[]) {
  const teams = sheet.setup.pitchOrder.filter((id) => !off.has(id));
  const compared = verdicts.filter((v) => teams.includes(v.first) && teams.includes(v.second)).length;
  const setAside = [...entries.values()].filter((e) => e.status === 'Skipped' || e.status === 'Absent').length;
  return { compared: verdicts.length, remaining: Math.max(0, (teams.length * (teams.length - 1)) / 2 - compared), skipped: skipped.length + setAside };
}
