import type { BoardCard } from './boardTypes';
import { newId } from './boardApi';
import type { BoardOp } from './outbox';

type EditOp = Extract<BoardOp, { kind: 'edit' }>;
type EditBody = EditOp['body'];

/** The fields a card's edit sets, as the dialog showed them when it opened. */
export type EditedFields = Pick<EditBody, 'title' | 'description' | 'points' | 'labels' | 'assignees' | 'checklist'>;

const fields = ['title', 'description', 'points', 'labels', 'assignees', 'checklist'] as const;

export const fieldsOf = (card: BoardCard): EditedFields => ({
  title: card.title, description: card.description ?? null, points: card.points ?? null,
  labels: [...card.labels], assignees: [...card.assignees], checklist: card.checklist.map((i) => ({ ...i })),
});

// An empty description the dialog sends and none stored are the same.
const same = (a: unknown, b: unknown) => JSON.stringify(a === '' ? null : a ?? null) === JSON.stringify(b === '' ? null : b ?? null);

/**
 * "Apply my change again" after a stale write: the same write based on the card as it now is. An edit
 * sends every field, so sent again as it was it would put back what the other person changed in the
 * fields this person did not touch; it takes the current card and sets only the fields this person
 * changed from what the dialog showed (all of them for an edit kept from before `before` was recorded).
 */
export function reapplied(op: BoardOp, current: BoardCard): BoardOp | null {
  if (op.kind === 'move') return { ...op, body: { ...op.body, basedOn: current.version, idempotencyKey: newId() } };
  if (op.kind !== 'edit') return null;
  const body: EditBody = { ...op.body, basedOn: current.version, idempotencyKey: newId() };
  if (op.before) {
    const now = fieldsOf(current);
    for (const field of fields) {
      if (same(op.body[field], op.before[field])) (body as Record<string, unknown>)[field] = now[field];
    }
  }
  return { ...op, body, before: op.before ? fieldsOf(current) : undefined };
}
