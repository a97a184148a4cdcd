import type { Schema } from '../api/types';

export type BoardView = Schema<'BoardView'>;
export type BoardCard = Schema<'BoardCard'>;
export type BoardColumn = Schema<'BoardColumn'>;
export type BoardAck = Schema<'BoardAck'>;
export type CampBoardPlan = Schema<'CampBoardPlan'>;
export type TeamSprint = Schema<'TeamSprint'>;
export type BoardsOverview = Schema<'BoardsOverview'>;
export type ChecklistItem = Schema<'ChecklistItem'>;

/** The product backlog's lane; every other lane is a column id. */
export const backlog = 'backlog';

// The board stream's event payloads (docs/live-streams.md; C#: Abstractions/Boards/BoardEvents.cs).
export interface CardChanged { card: BoardCard; lane: string; index: number; byName: string; warning: string | null; remaining: number | null }
export interface ColumnsChanged { columnsVersion: number; columns: BoardColumn[]; backlog: string[] }
export interface SprintChanged { sprint: TeamSprint }
