import type { Schema } from '../api/types';
import { device } from '../offline/deviceStore';
import type { BoardView } from './boardTypes';
import type { Conflict } from './outbox';

/**
 * The board as this device last had it confirmed, with its team. A reload with no connection (weak venue Wi-Fi)
 * then opens the board from here, with the device's waiting changes on top (they are kept by the outbox), instead
 * of failing; the stream catches up from the kept position once the connection is back.
 */
export interface KeptBoard {
  view: BoardView;
  team: Schema<'TeamDetails'>;
}

const key = (campId: string, teamId: string) => `board-view:${campId}:${teamId}`;

export const keepBoard = (campId: string, teamId: string, kept: KeptBoard): Promise<void> =>
  device().set(key(campId, teamId), kept).catch(() => undefined);

export const keptBoard = (campId: string, teamId: string): Promise<KeptBoard | undefined> =>
  device().get<KeptBoard>(key(campId, teamId)).catch(() => undefined);

/**
 * The conflicts shown and not yet dealt with (reapplied or dismissed). The refused change has left the outbox by
 * then, so without this a reload, natural on weak Wi-Fi, lost the change the person was about to apply again.
 */
const conflictsKey = (campId: string, teamId: string) => `board-conflicts:${campId}:${teamId}`;

export const keepConflicts = (campId: string, teamId: string, conflicts: readonly Conflict[]): Promise<void> =>
  (conflicts.length ? device().set(conflictsKey(campId, teamId), conflicts) : device().delete(conflictsKey(campId, teamId))).catch(() => undefined);

export const keptConflicts = async (campId: string, teamId: string): Promise<Conflict[]> =>
  (await device().get<Conflict[]>(conflictsKey(campId, teamId)).catch(() => undefined)) ?? [];
