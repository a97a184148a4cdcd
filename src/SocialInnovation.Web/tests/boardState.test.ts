import { describe, expect, it, vi } from 'vitest';
import type { StreamEnvelope } from '../src/api/types';
import { applyBoardEvent, place, remaining, whereIs } from '../src/boards/boardState';
import type { BoardCard, BoardView } from '../src/boards/boardTypes';

const card = (id: string, points: number | null = 1): BoardCard => ({
  cardId: id, version: 1, title: id, description: '', assignees: [], points, labels: [], checklist: [], comments: [], history: [], sprint: null,
});

const board = (): BoardView => ({
  campId: 'c', teamId: 't', epoch: 1, seq: 3, columnsVersion: 1,
  columns: [
    { columnId: 'todo', name: 'To do', wipLimit: null, cardIds: ['a', 'b'] },
    { columnId: 'doing', name: 'In progress', wipLimit: 2, cardIds: [] },
    { columnId: 'done', name: 'Done', wipLimit: null, cardIds: ['c'] },
  ],
  backlog: [], cards: [card('a', 3), card('b', 5), card('c', 8)],
  plan: { wipWarnOnly: false, othersMayView: false, schedule: [], activeSprint: 1, activeSince: null, version: 1 },
  sprints: [{ number: 1, goal: '', committed: 8, completed: null, burndown: [{ at: '2026-11-25T10:00:00Z', remaining: 8 }], review: '', retro: '' }],
});

const step = (lane: string, n = 0) => ({ at: `2026-11-25T11:00:${String(n).padStart(2, '0')}Z`, byName: 'Aida', action: 'Moved' as const, lane });

// A move carries only what it changes (BoardEvents.cs, CardMoved), not the whole card.
const moved = (id: string, lane: string, index: number, left: number | null, version = 2): StreamEnvelope => ({
  stream: 'board:c:t', epoch: 1, seq: 4, at: '2026-11-25T11:00:00Z', kind: 'CardMoved',
  payload: { cardId: id, version, sprint: 1, step: step(lane), lane, index, byName: 'Aida', warning: null, remaining: left },
});

describe('the board reducer', () => {
  it('takes a card out of its lane and puts it at its place in the new one', () => {
    const next = place(board(), card('b'), 'doing', 0);
    expect(next.columns[0].cardIds).toEqual(['a']);
    expect(next.columns[1].cardIds).toEqual(['b']);
  });

  it('reorders within a lane by the index among the other cards', () => {
    expect(place(board(), card('a'), 'todo', 1).columns[0].cardIds).toEqual(['b', 'a']);
    expect(place(board(), card('b'), 'todo', 0).columns[0].cardIds).toEqual(['b', 'a']);
  });

  it('applies a confirmed move and adds a burndown point when the remaining points changed', () => {
    const next = applyBoardEvent(board(), moved('a', 'done', 0, 5));
    expect(whereIs(next, 'a')).toEqual({ lane: 'done', index: 0 });
    expect(next.cards.find((c) => c.cardId === 'a')?.version).toBe(2);
    expect(next.sprints[0].burndown.map((p) => p.remaining)).toEqual([8, 5]);
  });

  it('applies a move to the card it holds: new version and sprint, one more history line, the rest kept', () => {
    const start = board();
    start.cards[0] = { ...card('a', 3), title: 'Interview 5 teachers', comments: [{ byPersonId: 'p', byName: 'Timur', at: '2026-11-25T10:30:00Z', text: 'Ask about budgets' }] };
    const next = applyBoardEvent(start, moved('a', 'doing', 0, null));
    const a = next.cards.find((c) => c.cardId === 'a')!;
    expect({ version: a.version, sprint: a.sprint, title: a.title, comments: a.comments.length }).toEqual({ version: 2, sprint: 1, title: 'Interview 5 teachers', comments: 1 });
    expect(a.history).toEqual([step('doing')]);
    expect(whereIs(next, 'a')).toEqual({ lane: 'doing', index: 0 });
  });

  it('keeps the last 30 history lines of a card after a move, as the server does', () => {
    const start = board();
    start.cards[0] = { ...card('a'), history: Array.from({ length: 30 }, (_, i) => step('todo', i)) };
    const a = applyBoardEvent(start, moved('a', 'doing', 0, null)).cards.find((c) => c.cardId === 'a')!;
    expect(a.history).toHaveLength(30);
    expect(a.history[0]).toEqual(step('todo', 1));
    expect(a.history[29]).toEqual(step('doing'));
  });

  it('leaves the board as it is for a move of a card it does not hold', () => {
    const start = board();
    expect(applyBoardEvent(start, moved('x', 'doing', 0, 5))).toBe(start);
  });

  it('counts the points not in the last column as remaining', () => {
    expect(remaining(board())).toBe(8);
    expect(remaining(place(board(), card('b', 5), 'done', 0))).toBe(3);
  });
});

describe("a card's history", () => {
  it('names the default columns in the reader\'s language and keeps a column the team named', async () => {
    vi.resetModules();
    vi.stubGlobal('localStorage', { getItem: (key: string) => (key === 'lang' ? 'ru' : null) });
    try {
      const { recordedLaneName } = await import('../src/boards/laneNames');
      expect(recordedLaneName('In progress')).toBe('В работе');
      expect(recordedLaneName('backlog')).toBe('Бэклог');
      expect(recordedLaneName('Testing with users')).toBe('Testing with users');
      expect(recordedLaneName(null)).toBe('');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
