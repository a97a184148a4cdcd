import { ApiProblem } from '../api/http';
import { DeviceOutbox } from '../offline/deviceOutbox';
import { dropLegacy, keptValue, readLegacy } from '../offline/deviceStore';
import { sendOp, type JudgeOp, type JudgeSheet, type PairVerdict } from './judgingApi';

export type ScoreOutbox = DeviceOutbox<JudgeOp, JudgeSheet>;

/**
 * A judge's scores, skips and undos not yet acknowledged, kept on the tablet (IndexedDB) with their
 * idempotency keys and sent in order whenever there is a connection. An acknowledgement means stored and
 * answers with the judge's sheet; until then the page says "waiting to sync (n)".
 */
export function scoreOutbox(campId: string, onSheet: (sheet: JudgeSheet) => void, onRefused: (op: JudgeOp, error: ApiProblem) => void): ScoreOutbox {
  return new DeviceOutbox<JudgeOp, JudgeSheet>({
    key: `judge/outbox/${campId}`,
    legacyKey: `judge-outbox:${campId}`,
    send: (op) => sendOp(campId, op),
    acked: (_, sheet) => onSheet(sheet),
    refused: (op, error) => onRefused(op, error instanceof ApiProblem ? error : new ApiProblem(0, null, String(error))),
  });
}

/** Something the page keeps from its last visit so that a reload without a connection still shows the judge's work. */
function kept<T>(name: string) {
  const value = keptValue<T>(`judge/${name}`);
  const legacyKey = (campId: string) => `judge-${name}:${campId}`;
  return {
    read: async (campId: string): Promise<T | null> => {
      const old = readLegacy<T>(legacyKey(campId));
      if (old !== undefined) {
        // Moved from localStorage, where an older version of the page kept it.
        await value.write(campId, old);
        dropLegacy(legacyKey(campId));
        return old;
      }
      return (await value.read(campId)) ?? null;
    },
    write: (campId: string, kept: T) => void value.write(campId, kept),
  };
}

/** The last sheet the server sent. */
export const lastSheet = kept<JudgeSheet>('sheet');

/**
 * Verdicts refused because the pair was judged on another device meanwhile: kept on the device until the judge
 * decides again or keeps the other verdict, so a refusal is never lost with a closed tab.
 */
export interface VerdictConflict { first: string; second: string; better: string; current: PairVerdict | null }
export const verdictConflicts = kept<VerdictConflict[]>('verdict-conflicts');

/** The camp's team names, as last read (the sheet names teams by id). */
export const teamNames = kept<Record<string, string>>('teams');
