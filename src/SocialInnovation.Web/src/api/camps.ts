import { get, post } from './http';
import type { CampDetails, CampMember, CampSnapshot, Phase } from './types';

const camp = (campId: string) => `/api/camps/${encodeURIComponent(campId)}`;

export const createCamp = (details: CampDetails, idempotencyKey: string) =>
  post<CampSnapshot>('/api/camps', { details, idempotencyKey });

export const getCamp = (campId: string) => get<CampSnapshot>(camp(campId));

export const changePhase = (campId: string, from: Phase, to: Phase, idempotencyKey: string) =>
  post<CampSnapshot>(`${camp(campId)}/phase`, { from, to, idempotencyKey });

export const addTeam = (campId: string, name: string, theme: string, idempotencyKey: string) =>
  post<CampSnapshot>(`${camp(campId)}/teams`, { name, theme, idempotencyKey });

export const getMembers = (campId: string) => get<CampMember[]>(`${camp(campId)}/members`);
