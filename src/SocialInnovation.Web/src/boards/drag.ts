/**
 * Drag and drop with pointer events, so one code path serves a finger and a mouse. A drag starts after
 * the pointer moved a few pixels (a tap stays a tap); the card's copy follows the pointer, the lane under
 * it is marked, and near the screen's edges the page scrolls. The drop is reported as (lane, index among
 * the lane's other cards), the same place the server's move takes.
 */
export interface DragCallbacks {
  started(cardId: string): void;
  dropped(cardId: string, lane: string, index: number): void;
  ended(): void;
}

const threshold = 8;
const edge = 48;

export function beginDrag(down: PointerEvent, card: HTMLElement, callbacks: DragCallbacks): void {
  if (down.button !== 0) return;
  const cardId = card.dataset.cardId!;
  const startX = down.clientX;
  const startY = down.clientY;
  let ghost: HTMLElement | null = null;
  let target: { lane: HTMLElement; index: number } | null = null;
  let marker: HTMLElement | null = null;
  let scroller = 0;
  let last = { x: startX, y: startY };

  const move = (e: PointerEvent) => {
    if (e.pointerId !== down.pointerId) return;
    last = { x: e.clientX, y: e.clientY };
    if (!ghost) {
      if (Math.hypot(e.clientX - startX, e.clientY - startY) < threshold) return;
      ghost = card.cloneNode(true) as HTMLElement;
      ghost.classList.add('drag-ghost');
      ghost.setAttribute('aria-hidden', 'true');
      ghost.style.width = `${card.getBoundingClientRect().width}px`;
      document.body.append(ghost);
      card.classList.add('dragging');
      callbacks.started(cardId);
      scroller = window.setInterval(autoScroll, 30);
    }
    e.preventDefault();
    ghost.style.transform = `translate(${e.clientX + 6}px, ${e.clientY + 6}px)`;
    target = findTarget(e.clientX, e.clientY, cardId);
    showMarker();
  };

  const autoScroll = () => {
    if (last.y < edge) window.scrollBy(0, -14);
    else if (last.y > window.innerHeight - edge) window.scrollBy(0, 14);
    const lanes = card.closest<HTMLElement>('.board-lanes');
    if (lanes && lanes.scrollWidth > lanes.clientWidth) {
      if (last.x < edge) lanes.scrollLeft -= 14;
      else if (last.x > window.innerWidth - edge) lanes.scrollLeft += 14;
    }
  };

  const showMarker = () => {
    marker?.remove();
    document.querySelectorAll('.lane.drop-target').forEach((l) => l.classList.remove('drop-target'));
    if (!target) return;
    target.lane.classList.add('drop-target');
    marker = document.createElement('li');
    marker.className = 'drop-marker';
    marker.setAttribute('aria-hidden', 'true');
    const cards = laneCardElements(target.lane, cardId);
    const list = target.lane.querySelector('.lane-cards')!;
    list.insertBefore(marker, cards[target.index] ?? null);
  };

  const finish = (e: PointerEvent, drop: boolean) => {
    if (e.pointerId !== down.pointerId) return;
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', cancel);
    window.clearInterval(scroller);
    marker?.remove();
    document.querySelectorAll('.lane.drop-target').forEach((l) => l.classList.remove('drop-target'));
    if (!ghost) return;
    ghost.remove();
    card.classList.remove('dragging');
    const where = drop ? findTarget(e.clientX, e.clientY, cardId) ?? target : null;
    if (where) callbacks.dropped(cardId, where.lane.dataset.lane!, where.index);
    callbacks.ended();
    // The click that ends a mouse drag must not open the card.
    const swallow = (c: Event) => c.stopPropagation();
    window.addEventListener('click', swallow, { capture: true, once: true });
    window.setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
  };
  const up = (e: PointerEvent) => finish(e, true);
  const cancel = (e: PointerEvent) => finish(e, false);

  window.addEventListener('pointermove', move, { passive: false });
  window.addEventListener('pointerup', up);
  window.addEventListener('pointercancel', cancel);
}

function laneCardElements(lane: HTMLElement, dragged: string): HTMLElement[] {
  return [...lane.querySelectorAll<HTMLElement>('.board-card[data-card-id]')].filter((c) => c.dataset.cardId !== dragged && !c.classList.contains('drag-ghost'));
}

function findTarget(x: number, y: number, dragged: string): { lane: HTMLElement; index: number } | null {
  const lane = document.elementsFromPoint(x, y).map((el) => el.closest<HTMLElement>('.lane[data-lane]')).find((el) => el !== null);
  if (!lane) return null;
  const cards = laneCardElements(lane, dragged);
  const index = cards.findIndex((c) => {
    const rect = c.getBoundingClientRect();
    return y < rect.top + rect.height / 2;
  });
  return { lane, index: index < 0 ? cards.length : index };
}
