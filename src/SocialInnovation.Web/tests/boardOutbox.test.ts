// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoardOutbox, type BoardOp, type Conflict } from '../src/boards/outbox';
import { cardOf } from '../src/boards/boardState';
import type { BoardCard, BoardView } from '../src/boards/boardTypes';

const card = (id: string, version: number, over: Partial<BoardCard> = {}): BoardCard => ({
  cardId: id, version, title: id, description: '', assignees: [], points: 3, labels: [], checklist: [], comments: [], history: [], sprint: null, ...over,
});

const board = (cards: BoardCard[]): BoardView => ({
  campId: 'c', teamId: 't', epoch: 1, seq: 10, columnsVersion: 1,
  columns: [{ columnId: 'todo', name: 'To do', wipLimit: null, cardIds: cards.map((c) => c.cardId) }],
  backlog: [], cards,
  plan: { wipWarnOnly: false, othersMayView: false, schedule: [], activeSprint: null, activeSince: null, version: 1 },
  sprints: [],
});

/** What the card dialog sends: every field, based on the version the page shows. */
const edit = (shown: BoardCard, key: string, changes: Partial<BoardCard>): BoardOp => ({
  kind: 'edit', cardId: shown.cardId,
  body: { cardId: shown.cardId, basedOn: shown.version, title: shown.title, description: shown.description ?? null, points: shown.points ?? null,
    labels: shown.labels, assignees: shown.assignees, checklist: shown.checklist, idempotencyKey: key, ...changes },
});

/**
 * The server behind fetch: unreachable until `up`; then every card command is stored except those whose keys
 * are answered stale, with the teammate's card as it now is.
 */
function server(teammates: BoardCard) {
  const s = {
    up: false,
    sent: [] as string[],
    stale: new Set<string>(),
    fetch: async (_url: string, init: { body: string }) => {
      if (!s.up) throw new TypeError('Failed to fetch');
      const body = JSON.parse(init.body) as { idempotencyKey: string };
      s.sent.push(body.idempotencyKey);
      if (s.stale.has(body.idempotencyKey)) {
        return { ok: false, status: 409, json: async () => ({ code: 'card.stale', detail: 'stale', current: teammates }) };
      }
      return { ok: true, status: 200, json: async () => ({ epoch: 1, seq: 11, card: null, warning: null }) };
    },
  };
  vi.stubGlobal('fetch', s.fetch);
  return s;
}

afterEach(() => vi.unstubAllGlobals());

describe('the board outbox', () => {
  it('does not send a change made on top of a refused one on the same card; it shows it as a conflict, and other cards go on', async () => {
    // The tablet is offline; a teammate meanwhile edits X (the server is at v4, by Aida).
    const teammates = card('x', 4, { points: 8, history: [{ at: '2026-11-27T07:00:00Z', byName: 'Aida', action: 'Edited', lane: 'todo' }] });
    const s = server(teammates);
    s.stale.add('a');
    const conflicts: Conflict[] = [];
    const refused: BoardOp[] = [];
    const outbox = new BoardOutbox('camp-chain', 'team', {
      changed: () => undefined, conflict: (c) => conflicts.push(c), refused: (op) => refused.push(op), warned: () => undefined,
    });
    const confirmed = board([card('x', 3), card('y', 1)]);
    await outbox.ready;

    // Edit A on v3; the page then shows X at the version A is expected to give, and edit B is based on it.
    outbox.add(edit(cardOf(outbox.view(confirmed, null), 'x')!, 'a', { title: 'Schedule A' }));
    const shown = cardOf(outbox.view(confirmed, null), 'x')!;
    expect(shown.version).toBe(4);
    outbox.add(edit(shown, 'b', { description: 'Shifts for Saturday' }));
    outbox.add(edit(cardOf(outbox.view(confirmed, null), 'y')!, 'c', { title: 'Other card' }));
    await outbox.flush();
    expect(s.sent).toEqual([]);

    s.up = true;
    await outbox.flush();
    outbox.stop();

    // B's basedOn 4 would match the teammate's v4 and overwrite it: never sent. Y's change went out.
    expect(s.sent).toEqual(['a', 'c']);
    expect(conflicts.map((c) => [c.op.body.idempotencyKey, !!c.heldBack])).toEqual([['a', false], ['b', true]]);
    expect(conflicts[1].current).toEqual(teammates); // the card as it now is, for "Apply my change again"
    expect(refused).toEqual([]);
    expect(outbox.pending).toBe(0);
    expect(cardOf(outbox.view(confirmed, null), 'x')).toEqual(card('x', 3));
  });

  it('holds back a change made on a version the server showed only if it builds on the refused one', async () => {
    const s = server(card('x', 5));
    s.stale.add('a');
    const conflicts: Conflict[] = [];
    const outbox = new BoardOutbox('camp-confirmed', 'team', {
      changed: () => undefined, conflict: (c) => conflicts.push(c), refused: () => undefined, warned: () => undefined,
    });
    await outbox.ready;
    outbox.add(edit(card('x', 3), 'a', { title: 'Mine' }));
    // The teammate's edit reached the page (confirmed v4) before the next change: that one is based on v4 as shown.
    const confirmed = board([card('x', 4)]);
    outbox.add(edit(cardOf(outbox.view(confirmed, null), 'x')!, 'b', { points: 2 }));
    await outbox.flush();
    expect(s.sent).toEqual([]);

    s.up = true;
    await outbox.flush();
    outbox.stop();

    expect(s.sent).toEqual(['a', 'b']);
    expect(conflicts.map((c) => c.op.body.idempotencyKey)).toEqual(['a']);
  });
});
