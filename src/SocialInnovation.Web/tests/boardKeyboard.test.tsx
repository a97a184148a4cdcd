// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardCard, BoardView } from '../src/boards/boardTypes';
import { place } from '../src/boards/boardState';
import type { LiveBoard } from '../src/boards/useBoard';

vi.mock('../src/boards/boardApi', () => ({ newId: () => 'id', getBoard: vi.fn(), getTeam: vi.fn() }));
const { Lane } = await import('../src/boards/Lane');
const { CardDialog } = await import('../src/boards/CardDialog');
const { BoardNotice } = await import('../src/boards/BoardNotice');
const { useRestoreFocus } = await import('../src/boards/focus');
const { lanesOf } = await import('../src/boards/useBoard');

const card = (id: string): BoardCard => ({
  cardId: id, version: 1, title: id, description: '', assignees: [], points: null, labels: [], checklist: [], comments: [], history: [], sprint: null,
});
const board = (): BoardView => ({
  campId: 'c', teamId: 't', epoch: 1, seq: 1, columnsVersion: 1,
  columns: [
    { columnId: 'todo', name: 'To do', wipLimit: null, cardIds: ['a'] },
    { columnId: 'review', name: 'Review', wipLimit: 1, cardIds: ['r'] },
  ],
  backlog: [], cards: [card('a'), card('r')],
  plan: { wipWarnOnly: false, othersMayView: false, schedule: [], activeSprint: null, activeSince: null, version: 1 },
  sprints: [],
});

/** A board whose moves are drawn at once and, past Review's limit, refused when `refuse` is called, as the outbox does. */
function liveBoard(view: BoardView) {
  const before = view;
  const live = {
    view: signal<BoardView | null>(view), notice: signal<string | null>(null), announcement: signal(''),
    move: vi.fn((cardId: string, lane: string, index: number) => (live.view.value = place(live.view.value!, card(cardId), lane, index))),
    send: vi.fn(), create: vi.fn(), laneName: (lane: string) => (lane === 'todo' ? 'To do' : lane === 'review' ? 'Review' : 'Backlog'),
    refuse: () => {
      live.view.value = before;
      live.notice.value = 'Not saved: This column is at its WIP limit: finish a card first.';
    },
  };
  return live;
}

function Board({ board }: { board: LiveBoard }) {
  const view = board.view.value!;
  useRestoreFocus(view);
  return (
    <>
      {lanesOf(view).map((lane) => (
        <Lane key={lane} board={board} view={view} lane={lane} canEdit names={new Map()} draggedBy={new Map()} open={() => {}} dragging={() => {}} />
      ))}
      <BoardNotice board={board} />
    </>
  );
}

let root: HTMLElement;
afterEach(() => {
  act(() => render(null, root));
  root.remove();
});
function show(node: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
}
const $ = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
const press = (element: Element, key: string) => act(() => { element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })); });
const click = (element: HTMLElement) => act(() => {
  element.focus();
  element.click();
});

describe('moving a card with "Move to…" by keyboard', () => {
  it('Escape in the choices closes them and puts focus back on the "Move to…" button', () => {
    const live = liveBoard(board());
    show(<Board board={live as unknown as LiveBoard} />);
    const toggle = $('[data-card-id="a"] .move-toggle');
    click(toggle);
    const choice = $<HTMLButtonElement>('[data-card-id="a"] [data-move-to=review]');
    act(() => choice.focus());
    press(choice, 'Escape');
    expect($('[data-card-id="a"] .move-menu')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
  });

  it('a move refused by a WIP limit is explained in the notice, focus follows the card back, and the notice can be hidden', () => {
    const live = liveBoard(board());
    show(<Board board={live as unknown as LiveBoard} />);
    click($('[data-card-id="a"] .move-toggle'));
    click($('[data-card-id="a"] [data-move-to=review]'));
    expect(live.move).toHaveBeenCalledWith('a', 'review', 9999);
    expect(document.activeElement).toBe($('[data-lane=review] [data-card-id="a"] .move-toggle'));

    act(() => live.refuse());
    const back = $('[data-lane=todo] [data-card-id="a"] .move-toggle');
    expect(document.activeElement).toBe(back);
    const status = $('[data-testid=board-notice] [role=status]');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Not saved: This column is at its WIP limit: finish a card first.');

    click($('[data-testid=board-notice] button'));
    expect(status.textContent).toBe('');
    expect($('[data-testid=board-notice] button')).toBeNull();
    expect(document.activeElement).toBe(back);
  });

  it("the person's next change takes an old notice away", () => {
    const live = liveBoard(board());
    live.notice.value = 'Not saved: This column is at its WIP limit: finish a card first.';
    show(<Board board={live as unknown as LiveBoard} />);
    click($('[data-card-id="r"] .move-toggle'));
    click($('[data-card-id="r"] [data-move-to=todo]'));
    expect($('[data-testid=board-notice] [role=status]').textContent).toBe('');
  });
});

describe("a card's dialog", () => {
  it('Enter in "New checklist item" adds the item and keeps the dialog open, unsaved, with focus in the field', () => {
    const live = liveBoard(board());
    show(<CardDialog board={live as unknown as LiveBoard} view={live.view.value!} cardId="a" members={[]} canEdit canComment={false} close={vi.fn()} />);
    const field = $<HTMLInputElement>('#checklist-new');
    act(() => field.focus());
    field.value = 'Ask two teachers';
    act(() => { field.dispatchEvent(new Event('input', { bubbles: true })); });
    press(field, 'Enter');
    expect([...root.querySelectorAll('fieldset label.check')].map((l) => l.textContent)).toEqual(['Ask two teachers']);
    expect(field.value).toBe('');
    expect(document.activeElement).toBe(field);
    expect(live.send).not.toHaveBeenCalled();
    expect($<HTMLDialogElement>('dialog').open).toBe(true);
  });
});
