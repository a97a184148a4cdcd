import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { User } from '../ui/text';
import { Icon } from '../ui/Icon';
import { laneCards } from './boardState';
import { backlog, type BoardCard, type BoardView } from './boardTypes';
import { beginDrag } from './drag';
import { lanesOf, type LiveBoard } from './useBoard';
import { movedByKeyboard } from './focus';

/** Past the last card: the server puts the card last. */
const atEnd = 9999;

interface LaneProps {
  board: LiveBoard;
  view: BoardView;
  lane: string;
  canEdit: boolean;
  names: Map<string, string>;
  /** Cards others are dragging right now, with who. */
  draggedBy: Map<string, string>;
  open(cardId: string): void;
  dragging(cardId: string | null): void;
}

/** One lane (the backlog or a column) with its cards in order. */
export function Lane({ board, view, lane, canEdit, names, draggedBy, open, dragging }: LaneProps) {
  const ids = laneCards(view, lane);
  const column = view.columns.find((c) => c.columnId === lane);
  const cards = ids.map((id) => view.cards.find((c) => c.cardId === id)).filter((c): c is BoardCard => !!c);
  const headingId = `lane-${lane}-heading`;
  const over = column?.wipLimit != null && ids.length > column.wipLimit;
  return (
    <section class={`lane${lane === backlog ? ' lane-backlog' : ''}`} data-lane={lane} data-testid={`lane-${lane}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <User>{board.laneName(lane)}</User>{' '}
        <span class={`lane-count${over ? ' over' : ''}`}>
          {column?.wipLimit != null ? t('boards.wip', { count: ids.length, limit: column.wipLimit }) : t('boards.cards', { count: ids.length })}
        </span>
      </h2>
      <ul class="lane-cards">
        {cards.map((card, index) => (
          <CardItem key={card.cardId} board={board} view={view} card={card} lane={lane} index={index} count={cards.length}
            canEdit={canEdit} names={names} draggedBy={draggedBy} open={open} dragging={dragging} />
        ))}
      </ul>
      {canEdit && (lane === backlog || lane === view.columns[0]?.columnId) && <AddCard board={board} lane={lane} />}
    </section>
  );
}

interface CardProps extends Omit<LaneProps, 'lane'> { card: BoardCard; lane: string; index: number; count: number }

function CardItem({ board, view, card, lane, index, count, canEdit, names, draggedBy, open, dragging }: CardProps) {
  const [menu, setMenu] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // Opened on the last card at the bottom of a phone's screen, the choices would be below the fold.
  useEffect(() => { if (menu) menuRef.current?.scrollIntoView({ block: 'nearest' }); }, [menu]);
  const done = card.checklist.filter((i) => i.done).length;
  const move = (to: string, at: number) => {
    setMenu(false);
    movedByKeyboard(card.cardId);
    board.notice.value = null;
    board.move(card.cardId, to, at);
  };
  const onPointerDown = (e: PointerEvent) => {
    const target = e.target as HTMLElement;
    // The title is the natural thing to grab with a mouse: it still opens the card on a click, since a drag only
    // starts once the pointer has moved and the click that ends one is swallowed (ui/pointerDrag).
    if (!canEdit || target.closest('button, a, input, select, textarea') && !target.closest('.drag-handle, .card-title')) return;
    // A finger drags by the handle, so a swipe over cards still scrolls the page; a mouse drags the whole card.
    if (e.pointerType !== 'mouse' && !target.closest('.drag-handle')) return;
    beginDrag(e, e.currentTarget as HTMLElement, {
      started: (id) => dragging(id),
      dropped: (id, to, at) => {
        board.notice.value = null;
        board.move(id, to, at);
      },
      ended: () => dragging(null),
    });
  };
  return (
    <li class={`board-card${draggedBy.has(card.cardId) ? ' held' : ''}`} data-card-id={card.cardId} data-testid="board-card" onPointerDown={onPointerDown}>
      <div class="card-top">
        {canEdit && <span class="drag-handle" aria-hidden="true"><Icon name="grip" /></span>}
        <button type="button" class="card-title" onClick={() => open(card.cardId)}><User>{card.title}</User></button>
      </div>
      {draggedBy.has(card.cardId) && <p class="held-by">{t('boards.dragging', { name: draggedBy.get(card.cardId)!, title: card.title })}</p>}
      {/* The points sit with the labels, not beside the title: in a lane on a laptop the title needs the width. */}
      {(card.points != null || card.labels.length > 0 || card.assignees.length > 0 || card.checklist.length > 0 || card.comments.length > 0) && (
        <p class="card-meta">
          {card.points != null && <span class="points">{t('boards.points', { points: card.points })}</span>}
          {card.labels.map((l) => <span class="label" key={l}><User>{l}</User></span>)}
          {card.assignees.map((a) => <span class="assignee" key={a}><User>{names.get(a) ?? '?'}</User></span>)}
          {card.checklist.length > 0 && <span class="muted with-icon"><Icon name="checklist" label={t('boards.checklist')} /> {done}/{card.checklist.length}</span>}
          {card.comments.length > 0 && <span class="muted with-icon"><Icon name="comment" label={t('boards.comments')} /> {card.comments.length}</span>}
        </p>
      )}
      {canEdit && (
        <div class="card-move">
          <button type="button" class="secondary small move-toggle" ref={toggleRef} aria-expanded={menu}
            // The visible words come first in the name (WCAG 2.5.3), then which card.
            aria-label={`${t('boards.moveTo')} ${card.title}`}
            onClick={() => setMenu(!menu)} onKeyDown={(e) => e.key === 'Escape' && setMenu(false)}>
            {t('boards.moveTo')}
          </button>
          {menu && (
            <div class="move-menu" ref={menuRef} role="group" aria-label={t('boards.moveCard', { title: card.title })}
              // The choice that had focus is taken out with the menu: focus goes back to the button that opened it.
              onKeyDown={(e) => {
                if (e.key !== 'Escape') return;
                setMenu(false);
                toggleRef.current?.focus();
              }}>
              {index > 0 && <button type="button" class="secondary small" onClick={() => move(lane, index - 1)}>{t('boards.moveUp')}</button>}
              {index < count - 1 && <button type="button" class="secondary small" onClick={() => move(lane, index + 1)}>{t('boards.moveDown')}</button>}
              {lanesOf(view).filter((l) => l !== lane).map((l) => (
                <button type="button" class="secondary small" key={l} data-move-to={l} onClick={() => move(l, atEnd)}>
                  {t('boards.moveHere', { lane: board.laneName(l) })}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </li>
  );
}

function AddCard({ board, lane }: { board: LiveBoard; lane: string }) {
  const [title, setTitle] = useState('');
  const id = `add-${lane}`;
  return (
    <form class="add-card" onSubmit={(e) => {
      e.preventDefault();
      if (!title.trim()) return;
      board.notice.value = null;
      board.create(title.trim(), lane);
      setTitle('');
    }}>
      <label for={id} class="visually-hidden">{t('boards.addCard')}</label>
      <input id={id} data-testid={`add-card-${lane}`} value={title} maxLength={200} placeholder={t('boards.addCard')}
        onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
      <button type="submit" class="small">{t('boards.add')}</button>
    </form>
  );
}
