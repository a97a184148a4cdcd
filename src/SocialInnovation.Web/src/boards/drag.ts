import { beginPointerDrag, closestAt } from '../ui/pointerDrag';

/**
 * A card dragged to a lane (ui/pointerDrag does the finger and mouse part): the lane under the pointer
 * is marked with where the card would go, and the drop is reported as (lane, index among the lane's other
 * cards), the same place the server's move takes.
 */
export interface DragCallbacks {
  started(cardId: string): void;
  dropped(cardId: string, lane: string, index: number): void;
  ended(): void;
}

interface Target { lane: HTMLElement; index: number }

export function beginDrag(down: PointerEvent, card: HTMLElement, callbacks: DragCallbacks): void {
  const cardId = card.dataset.cardId!;
  let marker: HTMLElement | null = null;

  const showMarker = (target: Target | null) => {
    marker?.remove();
    marker = null;
    document.querySelectorAll('.lane.drop-target').forEach((l) => l.classList.remove('drop-target'));
    if (!target) return;
    target.lane.classList.add('drop-target');
    marker = document.createElement('li');
    marker.className = 'drop-marker';
    marker.setAttribute('aria-hidden', 'true');
    const cards = laneCardElements(target.lane, cardId);
    target.lane.querySelector('.lane-cards')!.insertBefore(marker, cards[target.index] ?? null);
  };

  beginPointerDrag<Target>(down, card, {
    targetAt: (x, y) => findTarget(x, y, cardId),
    over: showMarker,
    started: () => callbacks.started(cardId),
    dropped: (where) => callbacks.dropped(cardId, where.lane.dataset.lane!, where.index),
    ended: () => callbacks.ended(),
    sideways: card.closest<HTMLElement>('.board-lanes'),
  });
}

function laneCardElements(lane: HTMLElement, dragged: string): HTMLElement[] {
  return [...lane.querySelectorAll<HTMLElement>('.board-card[data-card-id]')].filter((c) => c.dataset.cardId !== dragged && !c.classList.contains('drag-ghost'));
}

function findTarget(x: number, y: number, dragged: string): Target | null {
  const lane = closestAt(x, y, '.lane[data-lane]');
  if (!lane) return null;
  const cards = laneCardElements(lane, dragged);
  const index = cards.findIndex((c) => {
    const rect = c.getBoundingClientRect();
    return y < rect.top + rect.height / 2;
  });
  return { lane, index: index < 0 ? cards.length : index };
}
