import { answerOf, ApiProblem, get, post, request } from '../api/http';
import { language } from '../i18n';
import type { Schema } from '../api/types';
import type { BoardAck, BoardCard, BoardsOverview, BoardView, CampBoardPlan, TeamSprint } from './boardTypes';

const boardPath = (campId: string, teamId: string) =>
  `/api/camps/${encodeURIComponent(campId)}/teams/${encodeURIComponent(teamId)}/board`;

export const getBoard = (campId: string, teamId: string) => get<BoardView>(`${boardPath(campId, teamId)}/`);
export const getTeam = (campId: string, teamId: string) =>
  get<Schema<'TeamDetails'>>(`/api/camps/${encodeURIComponent(campId)}/teams/${encodeURIComponent(teamId)}`);
export const getBoards = (campId: string) => get<BoardsOverview>(`/api/camps/${encodeURIComponent(campId)}/boards/`);

export const configureBoards = (campId: string, body: Schema<'ConfigureBoards'>) =>
  request<CampBoardPlan>('PUT', `/api/camps/${encodeURIComponent(campId)}/boards/plan`, body);
export const runSprint = (campId: string, number: number | null, idempotencyKey: string) =>
  post<CampBoardPlan>(`/api/camps/${encodeURIComponent(campId)}/boards/sprint`, { number, idempotencyKey });
/** Writes a sprint's notes; notes changed meanwhile come back as StaleNotes with the sprint as it now is. */
export const writeSprintNotes = (campId: string, teamId: string, body: Schema<'WriteSprintNotes'>) =>
  sendBoard(campId, teamId, 'sprint-notes', body);

/** A card command refused because the card changed meanwhile: the answer carries the card as it now is. */
export class StaleCard extends ApiProblem {
  constructor(detail: string | null, readonly current: BoardCard | null) {
    super(409, 'card.stale', detail);
  }
}

/** Sprint notes refused because someone changed them meanwhile: the answer carries the sprint as it now is. */
export class StaleNotes extends ApiProblem {
  constructor(detail: string | null, readonly current: TeamSprint | null) {
    super(409, 'sprint.notes-stale', detail);
  }
}

export type CardCommand = 'cards' | 'cards/move' | 'cards/edit' | 'cards/comments';

/** Sends one card command; a stale card comes back as StaleCard, other refusals as ApiProblem. */
export const sendCard = (campId: string, teamId: string, command: CardCommand, body: unknown) => sendBoard(campId, teamId, command, body);

/** Posts a board command, keeping the current card or sprint a stale refusal carries (request() drops it). */
async function sendBoard(campId: string, teamId: string, command: CardCommand | 'sprint-notes', body: unknown): Promise<BoardAck> {
  let response: Response;
  try {
    response = await fetch(`${boardPath(campId, teamId)}/${command}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': language, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(0, 'network', null);
  }
  if (response.ok) return answerOf<BoardAck>(response);
  const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; current?: unknown };
  if (problem.code === 'card.stale') throw new StaleCard(problem.detail ?? null, (problem.current as BoardCard | undefined) ?? null);
  if (problem.code === 'sprint.notes-stale') throw new StaleNotes(problem.detail ?? null, (problem.current as TeamSprint | undefined) ?? null);
  throw new ApiProblem(response.status, problem.code ?? null, problem.detail ?? null);
}

/** A fresh idempotency key or card id (crypto.randomUUID exists only in secure contexts; a camp's LAN may be plain http). */
export function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const setColumns = (campId: string, teamId: string, body: Schema<'SetColumns'>) =>
  request<BoardAck>('PUT', `${boardPath(campId, teamId)}/columns`, body);
