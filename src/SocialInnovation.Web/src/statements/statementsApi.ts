import { get, post } from '../api/http';
import type { Schema } from '../api/types';

// The camp's problem statements (StatementsApi).
export type StatementsView = Schema<'StatementsView'>;
export type StatementView = Schema<'StatementView'>;
export type ThemesChosen = Schema<'ThemesChosen'>;

const statements = (campId: string) => `/api/camps/${encodeURIComponent(campId)}/statements`;

export const listStatements = (campId: string) => get<StatementsView>(statements(campId));
export const proposeStatement = (campId: string, title: string, description: string, affectedGroup: string, idempotencyKey: string) =>
  post<StatementView>(statements(campId), { title, description, affectedGroup, idempotencyKey });
export const mergeStatements = (campId: string, from: string, into: string, idempotencyKey: string) =>
  post<StatementsView>(`${statements(campId)}/merge`, { from, into, idempotencyKey });
export const chooseThemes = (campId: string, count: number, capacity: number, idempotencyKey: string) =>
  post<ThemesChosen>(`${statements(campId)}/themes`, { count, capacity, idempotencyKey });
