import type { StreamEnvelope } from '../api/types';
import { backlog, keptHistory, type BoardCard, type BoardView, type CardChanged, type CardMoved, type ColumnsChanged, type SprintChanged } from './boardTypes';

/** The cards of a lane, in order. */
export function laneCards(view: BoardView, lane: string): string[] {
  return lane === backlog ? view.backlog : view.columns.find((c) => c.columnId === lane)?.cardIds ?? [];
}

/** The lane a card is in, and its place there; null when it is not on the board. */
export function whereIs(view: BoardView, cardId: string): { lane: string; index: number } | null {
  for (const lane of [backlog, ...view.columns.map((c) => c.columnId)]) {
    const index = laneCards(view, lane).indexOf(cardId);
    if (index >= 0) return { lane, index };
  }
  return null;
}

export const cardOf = (view: BoardView, cardId: string): BoardCard | undefined => view.cards.find((c) => c.cardId === cardId);

/**
 * The board with the card as given, taken out of wherever it was and put at index (clamped) of lane:
 * how a confirmed event and an optimistic move are applied alike.
 */
export function place(view: BoardView, card: BoardCard, lane: string, index: number): BoardView {
  const without = (ids: string[]) => ids.filter((id) => id !== card.cardId);
  const insert = (ids: string[]) => {
    const rest = without(ids);
    const at = Math.max(0, Math.min(index, rest.length));
    return [...rest.slice(0, at), card.cardId, ...rest.slice(at)];
  };
  const known = view.cards.some((c) => c.cardId === card.cardId);
  return {
    ...view,
    backlog: lane === backlog ? insert(view.backlog) : without(view.backlog),
    columns: view.columns.map((c) => ({ ...c, cardIds: c.columnId === lane ? insert(c.cardIds) : without(c.cardIds) })),
    cards: known ? view.cards.map((c) => (c.cardId === card.cardId ? card : c)) : [...view.cards, card],
  };
}

/** Points of the cards on the board not in the last ("done") column. */
export function remaining(view: BoardView): number {
  const points = new Map(view.cards.map((c) => [c.cardId, c.points ?? 0]));
  return view.columns.slice(0, -1).flatMap((c) => c.cardIds).reduce((sum, id) => sum + (points.get(id) ?? 0), 0);
}

/** The board after one confirmed event of its stream. */
export function applyBoardEvent(view: BoardView, event: StreamEnvelope): BoardView {
  switch (event.kind) {
    case 'CardCreated':
    case 'CardEdited':
    case 'CardCommented': {
      const change = event.payload as CardChanged;
      const next = place(view, change.card, change.lane, change.index);
      return change.remaining === null ? next : burn(next, event.at, change.remaining);
    }
    case 'CardMoved': {
      const change = event.payload as CardMoved;
      const card = cardOf(view, change.cardId);
      // Positions make this impossible (the card came with the board or an earlier event); never invent one.
      if (!card) return view;
      const moved: BoardCard = {
        ...card,
        version: change.version,
        sprint: change.sprint,
        history: [...card.history, change.step].slice(-keptHistory),
      };
      const next = place(view, moved, change.lane, change.index);
      return change.remaining === null ? next : burn(next, event.at, change.remaining);
    }
    case 'ColumnsChanged': {
      const change = event.payload as ColumnsChanged;
      return { ...view, columnsVersion: change.columnsVersion, columns: change.columns, backlog: change.backlog };
    }
    case 'SprintChanged': {
      const { sprint } = event.payload as SprintChanged;
      const others = view.sprints.filter((s) => s.number !== sprint.number);
      return { ...view, sprints: [...others, sprint].sort((a, b) => a.number - b.number) };
    }
    case 'BoardReplaced':
      return event.payload as BoardView;
    default:
      return view;
  }
}

/** Adds a burndown point to the running sprint when the remaining points changed, as the server does. */
function burn(view: BoardView, at: string, points: number): BoardView {
  const number = view.plan.activeSprint;
  if (number === null) return view;
  return {
    ...view,
    sprints: view.sprints.map((s) => s.number !== number || s.burndown.at(-1)?.remaining === points
      ? s
      : { ...s, burndown: [...s.burndown, { at, remaining: points }] }),
  };
}
