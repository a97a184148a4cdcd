import { ApiProblem, get, request } from '../api/http';
import type { Schema } from '../api/types';
import { language } from '../i18n';

export type JudgeSheet = Schema<'JudgeSheet'>;
export type SheetEntry = Schema<'SheetEntry'>;
export type Leaderboard = Schema<'Leaderboard'>;
export type JudgingSetup = Schema<'JudgingSetup'>;
export type AuditEntry = Schema<'AuditEntry'>;
export type PairVerdict = Schema<'PairVerdict'>;
export type PairStanding = Schema<'PairStanding'>;

const base = (campId: string) => `/api/camps/${campId}/judging`;

export const getSheet = (campId: string) => get<JudgeSheet>(`${base(campId)}/sheet`);
export const getLeaderboard = (campId: string) => get<Leaderboard>(`${base(campId)}/leaderboard`);
export const getSetup = (campId: string) => get<JudgingSetup>(`${base(campId)}/setup`);
export const saveSetup = (campId: string, body: unknown) => request<JudgingSetup>('PUT', `${base(campId)}/setup`, body);
export const lockJudging = (campId: string, locked: boolean) =>
  request<JudgingSetup>('POST', `${base(campId)}/lock`, { locked, idempotencyKey: crypto.randomUUID().replaceAll('-', '') });
export const getAudit = (campId: string) => get<AuditEntry[]>(`${base(campId)}/audit`);
export const csvUrl = (campId: string) => `${base(campId)}/scores.csv`;

/** A judge's change, as sent: the key and the entry version it was based on make a resend apply once. */
export type JudgeOp =
  | { kind: 'scores'; body: { teamId: string; marks: Record<string, number>; comment: string | null; basedOnVersion: number; idempotencyKey: string } }
  | { kind: 'skips'; body: { teamId: string; absent: boolean; basedOnVersion: number; idempotencyKey: string } }
  | { kind: 'undo'; body: { teamId: string; basedOnVersion: number; idempotencyKey: string } }
  | { kind: 'conflicts'; body: { teamId: string; reason: string; idempotencyKey: string } }
  | { kind: 'comparisons'; body: { first: string; second: string; better: string; basedOnVersion: number; idempotencyKey: string } }
  | { kind: 'pair-skips'; body: { first: string; second: string; basedOnVersion: number; idempotencyKey: string } };

/**
 * A verdict or pair skip refused because the judge's verdict on the pair changed on another device meanwhile
 * (`verdict.stale`, `pair.stale`): it carries the verdict as it now is (null: none), to show beside one's own.
 */
export class StaleVerdict extends ApiProblem {
  constructor(code: string, detail: string | null, readonly current: PairVerdict | null) {
    super(409, code, detail);
  }
}

export async function sendOp(campId: string, op: JudgeOp): Promise<JudgeSheet> {
  if (op.kind !== 'comparisons' && op.kind !== 'pair-skips') return request<JudgeSheet>('POST', `${base(campId)}/${op.kind}`, op.body);
  let response: Response;
  try {
    response = await fetch(`${base(campId)}/${op.kind}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': language, 'Content-Type': 'application/json' },
      body: JSON.stringify(op.body),
    });
  } catch {
    throw new ApiProblem(0, 'network', null);
  }
  if (response.ok) return (await response.json()) as JudgeSheet;
  const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; title?: string; errors?: Record<string, string[]>; current?: PairVerdict | null };
  if (problem.code === 'verdict.stale' || problem.code === 'pair.stale') throw new StaleVerdict(problem.code, problem.detail ?? null, problem.current ?? null);
  throw new ApiProblem(response.status, problem.code ?? null, problem.detail ?? problem.title ?? null, problem.errors ?? {});
}

export const assignTeam = (campId: string, body: { teamId: string; from: string | null; to: string | null }) =>
  request<Leaderboard>('POST', `${base(campId)}/assignments`, { ...body, idempotencyKey: crypto.randomUUID().replaceAll('-', '') });
