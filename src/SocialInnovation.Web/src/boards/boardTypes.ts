import type { Schema } from '../api/types';

export type BoardView = Schema<'BoardView'>;
export type BoardCard = Schema<'BoardCard'>;
export type BoardColumn = Schema<'BoardColumn'>;
export type BoardAck = Schema<'BoardAck'>;
export type CampBoardPlan = Schema<'CampBoardPlan'>;
export type TeamSprint = Schema<'TeamSprint'>;
export type BoardsOverview = Schema<'BoardsOverview'>;
export type ChecklistItem = Schema<'ChecklistItem'>;
export type CardHistoryEntry = Schema<'CardHistoryEntry'>;

/** The product backlog's lane; every other lane is a column id. */
export const backlog = 'backlog';

// The board stream's event payloads (docs/live-streams.md; C#: Abstractions/Boards/BoardEvents.cs).
export interface CardChanged { card: BoardCard; lane: string; index: number; byName: string; warning: string | null; remaining: number | null }
/** A move carries only what it changes; the watcher applies it to the card it holds (C#: CardMoved). */
export interface CardMoved {
  cardId: string; version: number; sprint: number | null; step: CardHistoryEntry;
  lane: string; index: number; byName: string; warning: string | null; remaining: number | null;
}
/** History lines a card keeps, as the server keeps them (BoardGrain.KeptHistory). */
export const keptHistory = 30;
export interface ColumnsChanged { columnsVersion: number; columns: BoardColumn[]; backlog: string[] }
export interface SprintChanged { sprint: TeamSprint }
