import { describe, expect, it } from 'vitest';
import { fieldsOf, reapplied } from '../src/boards/reapply';
import type { BoardCard } from '../src/boards/boardTypes';
import type { BoardOp } from '../src/boards/outbox';

const card = (over: Partial<BoardCard> = {}): BoardCard => ({
  cardId: 'a', version: 3, title: 'Volunteer schedule', description: null, assignees: [], points: 3, labels: ['prototype'],
  checklist: [], comments: [], history: [], sprint: 3, ...over,
});

/** What the card dialog sends: every field, as the person left them. */
const edit = (shown: BoardCard, changes: Partial<BoardCard>): BoardOp => {
  const f = { ...fieldsOf(shown), description: shown.description ?? '', ...changes } as ReturnType<typeof fieldsOf>;
  return { kind: 'edit', cardId: shown.cardId, body: { cardId: shown.cardId, basedOn: shown.version, ...f, idempotencyKey: 'k1' }, before: fieldsOf(shown) };
};

describe('applying my change again after a stale edit', () => {
  it('keeps what the other person changed in the fields I did not touch', () => {
    const shown = card();
    const mine = edit(shown, { description: 'Shifts for Saturday' });
    const theirs = card({ version: 4, points: 8, labels: ['prototype', 'urgent'] });

    const again = reapplied(mine, theirs);

    expect(again?.kind).toBe('edit');
    if (again?.kind !== 'edit') return;
    expect(again.body).toMatchObject({ basedOn: 4, description: 'Shifts for Saturday', points: 8, labels: ['prototype', 'urgent'], title: 'Volunteer schedule' });
    expect(again.body.idempotencyKey).not.toBe('k1');
  });

  it('sets my own value where we both changed a field', () => {
    const mine = edit(card(), { points: 5 });
    const again = reapplied(mine, card({ version: 4, points: 8 }));
    expect(again?.kind === 'edit' && again.body.points).toBe(5);
  });

  it('sends a kept edit without what it was based on as it was', () => {
    const mine = edit(card(), { description: 'x' });
    if (mine.kind === 'edit') delete mine.before;
    const again = reapplied(mine, card({ version: 4, points: 8 }));
    expect(again?.kind === 'edit' && again.body.points).toBe(3);
  });

  it('moves a card again from where it now is, and does not resend a comment', () => {
    const move: BoardOp = { kind: 'move', cardId: 'a', body: { cardId: 'a', basedOn: 3, lane: 'review', index: 0, idempotencyKey: 'k' } };
    expect(reapplied(move, card({ version: 5 }))).toMatchObject({ body: { basedOn: 5, lane: 'review' } });
    expect(reapplied({ kind: 'comment', cardId: 'a', byName: 'A', body: { cardId: 'a', text: 't', idempotencyKey: 'k' } }, card())).toBeNull();
  });
});
