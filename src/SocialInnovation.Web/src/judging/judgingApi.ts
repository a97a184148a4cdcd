import { get, request } from '../api/http';
import type { Schema } from '../api/types';

export type JudgeSheet = Schema<'JudgeSheet'>;
export type SheetEntry = Schema<'SheetEntry'>;
export type Leaderboard = Schema<'Leaderboard'>;
export type JudgingSetup = Schema<'JudgingSetup'>;
export type AuditEntry = Schema<'AuditEntry'>;
export type PairVerdict = Schema<'PairVerdict'>;

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
  | { kind: 'comparisons'; body: { first: string; second: string; better: string; idempotencyKey: string } }
  | { kind: 'pair-skips'; body: { first: string; second: string; basedOnVersion: number; idempotencyKey: string } };

export const sendOp = (campId: string, op: JudgeOp) => request<JudgeSheet>('POST', `${base(campId)}/${op.kind}`, op.body);

export const assignTeam = (campId: string, body: { teamId: string; from: string | null; to: string | null }) =>
  request<Leaderboard>('POST', `${base(campId)}/assignments`, { ...body, idempotencyKey: crypto.randomUUID().replaceAll('-', '') });
