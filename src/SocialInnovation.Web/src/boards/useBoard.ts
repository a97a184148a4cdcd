import { useEffect, useMemo } from 'preact/hooks';
import { signal, type Signal } from '@preact/signals';
import { errorText, t } from '../i18n';
import type { Schema, StreamEnvelope } from '../api/types';
import { liveState, onLiveState } from '../live/connection';
import { watchStream, type StreamHandle } from '../live/streamStore';
import { streamName } from '../live/streams';
import { describe } from '../ui/describe';
import { me } from '../session/current';
import { applyBoardEvent, cardOf, laneCards, whereIs } from './boardState';
import { backlog, type BoardView, type CardChanged, type CardMoved } from './boardTypes';
import { columnName } from './laneNames';
import { getBoard, getTeam, newId } from './boardApi';
import { keepBoard, keepConflicts, keptBoard, keptConflicts } from './keptBoard';
import { ApiProblem } from '../api/http';
import { BoardOutbox, type BoardOp, type Conflict } from './outbox';
import { reapplied } from './reapply';

export { columnName };

export interface LiveBoard {
  /** The board as shown: confirmed, with this device's unconfirmed writes on top. */
  view: Signal<BoardView | null>;
  team: Signal<Schema<'TeamDetails'> | null>;
  failure: Signal<string | null>;
  notice: Signal<string | null>;
  /** Read out by screen readers: moves made here and by others. */
  announcement: Signal<string>;
  conflicts: Signal<Conflict[]>;
  pending: Signal<number>;
  offline: Signal<boolean>;
  move(cardId: string, lane: string, index: number): void;
  create(title: string, lane: string): void;
  send(op: BoardOp): void;
  reapply(conflict: Conflict): void;
  dismiss(conflict: Conflict): void;
  laneName(lane: string): string;
}

/**
 * Loads a board over HTTP, keeps it current from its stream, and sends this device's writes through an
 * outbox that survives going offline.
 */
export function useBoard(campId: string, teamId: string): LiveBoard {
  const live = useMemo(() => {
    let confirmed: BoardView | null = null;
    let store: StreamHandle<BoardView> | null = null;
    // The confirmed board is kept on the device (keptBoard.ts) a moment after it changes, not on every event of a burst.
    let keeping: number | undefined;
    const keep = () => {
      keeping ??= window.setTimeout(() => {
        keeping = undefined;
        const team = board.team.value;
        if (confirmed && team) void keepBoard(campId, teamId, { view: confirmed, team });
      }, 300);
    };
    const board: LiveBoard = {
      view: signal(null), team: signal(null), failure: signal(null), notice: signal(null), announcement: signal(''),
      conflicts: signal([]), pending: signal(0), offline: signal(false),
      move: (cardId, lane, index) => {
        const view = board.view.value;
        const card = view && cardOf(view, cardId);
        if (!view || !card) return;
        board.send({ kind: 'move', cardId, body: { cardId, basedOn: card.version, lane, index, idempotencyKey: newId() } });
        const now = whereIs(board.view.value!, cardId);
        board.announcement.value = t('boards.moved', { title: card.title, lane: columnName(view, lane), place: (now?.index ?? index) + 1 });
      },
      create: (title, lane) => {
        const cardId = newId();
        board.send({ kind: 'create', cardId, body: { cardId, title, description: null, lane, points: null, labels: null, assignees: null, idempotencyKey: newId() } });
      },
      send: (op) => outbox.add(op),
      reapply: (conflict) => {
        board.dismiss(conflict);
        const again = conflict.current && reapplied(conflict.op, conflict.current);
        if (again) board.send(again);
      },
      dismiss: (conflict) => (board.conflicts.value = board.conflicts.value.filter((c) => c !== conflict)),
      laneName: (lane) => (board.view.value ? columnName(board.view.value, lane) : lane),
    };
    const refresh = () => {
      board.pending.value = outbox.pending;
      board.offline.value = outbox.stalled || liveState() !== 'connected';
      if (confirmed) board.view.value = outbox.view(confirmed, store?.position ?? null);
    };
    const outbox = new BoardOutbox(campId, teamId, {
      changed: refresh,
      conflict: (conflict) => (board.conflicts.value = [...board.conflicts.value, conflict]),
      // describe() names a refusal without a code of ours too (a 403 from something in between): never a bare "Not saved:".
      refused: (_, error) => (board.notice.value = t('boards.refused', { reason: describe(error) })),
      warned: (op) => (board.notice.value = t('boards.wipWarning', { lane: op.kind === 'move' || op.kind === 'create' ? board.laneName(op.body.lane) : '' })),
    });
    const announce = (event: StreamEnvelope | null, view: BoardView) => {
      if (!event || event.kind !== 'CardMoved' && event.kind !== 'CardCreated') return;
      const change = event.payload as CardChanged | CardMoved;
      if (change.byName === me.value?.name) return;
      if (event.kind === 'CardMoved') {
        const moved = change as CardMoved;
        const title = cardOf(view, moved.cardId)?.title ?? '';
        board.announcement.value = t('boards.movedBy', { name: moved.byName, title, lane: board.laneName(moved.lane) });
      } else {
        board.announcement.value = t('boards.created', { name: change.byName, title: (change as CardChanged).card.title });
      }
    };
    const start = (loaded: BoardView) => {
      confirmed = loaded;
      refresh();
      store = watchStream<BoardView>(streamName('board', campId, teamId.replace(/-/g, '')), {
        fromSnapshot: (snapshot) => snapshot as BoardView,
        reduce: applyBoardEvent,
        onChange: (state, event) => {
          confirmed = state;
          refresh();
          announce(event, state);
          keep();
        },
        onRefused: (code, detail) => (board.notice.value = t('error.live', { detail: errorText(code, detail) ?? code })),
        initial: { state: loaded, position: { epoch: loaded.epoch, seq: loaded.seq } },
      });
    };
    const stop = () => {
      store?.stop();
      window.clearTimeout(keeping);
    };
    return { board, outbox, start, keep, refresh, stop };
  }, [campId, teamId]);

  useEffect(() => {
    let left = false;
    let unkeep = () => undefined as void;
    // Conflicts left by an earlier visit first (a reload must not lose them), then every change to the list is kept.
    void keptConflicts(campId, teamId).then((kept) => {
      if (left) return;
      const shown = new Set(live.board.conflicts.value.map((c) => c.op.body.idempotencyKey));
      live.board.conflicts.value = [...kept.filter((c) => !shown.has(c.op.body.idempotencyKey)), ...live.board.conflicts.value];
      unkeep = live.board.conflicts.subscribe((list) => void keepConflicts(campId, teamId, list));
    });
    const unsubscribe = onLiveState(() => live.refresh());
    Promise.all([getBoard(campId, teamId), getTeam(campId, teamId)]).then(
      ([loaded, team]) => {
        if (left) return;
        live.board.team.value = team;
        live.start(loaded);
        live.keep();
      },
      (error: unknown) => {
        // No connection (status 0): the board as this device last had it, if it was opened here before.
        const offline = error instanceof ApiProblem && error.status === 0;
        void (offline ? keptBoard(campId, teamId) : Promise.resolve(undefined)).then((kept) => {
          if (left) return;
          if (!kept) {
            live.board.failure.value = describe(error);
            return;
          }
          live.board.team.value = kept.team;
          live.start(kept.view);
        });
      },
    );
    return () => {
      left = true;
      unkeep();
      unsubscribe();
      live.stop();
      live.outbox.stop();
    };
  }, [live]);

  return live.board;
}

/** The lanes in board order: the backlog first, then the columns. */
export const lanesOf = (view: BoardView): string[] => [backlog, ...view.columns.map((c) => c.columnId)];

export const countIn = (view: BoardView, lane: string): number => laneCards(view, lane).length;
