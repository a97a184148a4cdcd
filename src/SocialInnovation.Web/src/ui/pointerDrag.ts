/**
 * Dragging with pointer events, so one code path serves a finger and a mouse (HTML5 drag and drop never
 * starts from a touch). A drag starts once the pointer moved a few pixels (a tap stays a tap); a copy of
 * the item follows the pointer, near the screen's edges the page (and a sideways-scrolling container)
 * scrolls, and the caller decides what is under the pointer and what a drop there means.
 * For a finger, start it from an element with `touch-action: none` (a handle), or the browser takes the
 * gesture for scrolling and cancels the pointer.
 */
export interface PointerDrag<T> {
  /** The drop target at this point of the screen, or null (the item's copy is never hit: it ignores the pointer). */
  targetAt(x: number, y: number): T | null;
  /** The target under the pointer after each move while dragging, then null when the drag ends: mark it. */
  over?(target: T | null): void;
  started(): void;
  dropped(target: T): void;
  /** After a drag (dropped or not); never after a tap. */
  ended(): void;
  /** A container that scrolls sideways (a board's lanes): scrolled too when the pointer nears a side. */
  sideways?: HTMLElement | null;
}

const threshold = 8;
const edge = 48;
const step = 14;

export function beginPointerDrag<T>(down: PointerEvent, item: HTMLElement, drag: PointerDrag<T>): void {
  if (down.button !== 0) return;
  const start = { x: down.clientX, y: down.clientY };
  let last = start;
  let ghost: HTMLElement | null = null;
  let target: T | null = null;
  let scroller = 0;

  const autoScroll = () => {
    if (last.y < edge) window.scrollBy(0, -step);
    else if (last.y > window.innerHeight - edge) window.scrollBy(0, step);
    const side = drag.sideways;
    if (side && side.scrollWidth > side.clientWidth) {
      if (last.x < edge) side.scrollLeft -= step;
      else if (last.x > window.innerWidth - edge) side.scrollLeft += step;
    }
  };

  const move = (e: PointerEvent) => {
    if (e.pointerId !== down.pointerId) return;
    last = { x: e.clientX, y: e.clientY };
    if (!ghost) {
      if (Math.hypot(e.clientX - start.x, e.clientY - start.y) < threshold) return;
      ghost = item.cloneNode(true) as HTMLElement;
      ghost.classList.add('drag-ghost');
      ghost.setAttribute('aria-hidden', 'true');
      // The copy must not carry ids (labels, test ids) that the page has once.
      for (const el of [ghost, ...ghost.querySelectorAll<HTMLElement>('[id], [data-testid]')]) {
        el.removeAttribute('id');
        el.removeAttribute('data-testid');
      }
      ghost.style.width = `${item.getBoundingClientRect().width}px`;
      document.body.append(ghost);
      item.classList.add('dragging');
      drag.started();
      scroller = window.setInterval(autoScroll, 30);
    }
    e.preventDefault();
    ghost.style.transform = `translate(${e.clientX + 6}px, ${e.clientY + 6}px)`;
    target = drag.targetAt(e.clientX, e.clientY);
    drag.over?.(target);
  };

  const finish = (e: PointerEvent, drop: boolean) => {
    if (e.pointerId !== down.pointerId) return;
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', cancel);
    window.clearInterval(scroller);
    if (!ghost) return;
    ghost.remove();
    item.classList.remove('dragging');
    drag.over?.(null);
    const where = drop ? drag.targetAt(e.clientX, e.clientY) ?? target : null;
    if (where !== null) drag.dropped(where);
    drag.ended();
    // The click that ends a mouse drag must not act on what is under it.
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

/** The nearest element matching `selector` among those at a point of the screen (topmost first). */
export function closestAt(x: number, y: number, selector: string): HTMLElement | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const found = el.closest<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}
