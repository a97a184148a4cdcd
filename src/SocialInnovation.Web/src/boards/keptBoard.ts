import type { Schema } from '../api/types';
import { device } from '../offline/deviceStore';
import type { BoardView } from './boardTypes';

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
