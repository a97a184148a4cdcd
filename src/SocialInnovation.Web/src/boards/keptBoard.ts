import type { Schema } from '../api/types';
import { keptValue } from '../offline/deviceStore';
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

const boards = keptValue<KeptBoard>('board-view');
const id = (campId: string, teamId: string) => `${campId}/${teamId}`;

export const keepBoard = (campId: string, teamId: string, kept: KeptBoard): Promise<void> => boards.write(id(campId, teamId), kept);

export const keptBoard = (campId: string, teamId: string): Promise<KeptBoard | undefined> => boards.read(id(campId, teamId));

/**
 * The conflicts shown and not yet dealt with (reapplied or dismissed). The refused change has left the outbox by
 * then, so without this a reload, natural on weak Wi-Fi, lost the change the person was about to apply again.
 */
const conflicts = keptValue<Conflict[]>('board-conflicts');

export const keepConflicts = (campId: string, teamId: string, list: readonly Conflict[]): Promise<void> =>
  list.length ? conflicts.write(id(campId, teamId), [...list]) : conflicts.forget(id(campId, teamId));

export const keptConflicts = async (campId: string, teamId: string): Promise<Conflict[]> => (await conflicts.read(id(campId, teamId))) ?? [];
