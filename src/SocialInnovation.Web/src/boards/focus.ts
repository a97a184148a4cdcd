import { useEffect } from 'preact/hooks';

let lastMoved: string | null = null;
/**
 * The "Move to…" button focus was last put back on. While it is still in the page, focus that left it was moved by
 * the person (a click elsewhere), not lost with the card, and is left where it went.
 */
let placedOn: HTMLElement | null = null;

const moveToggle = (cardId: string) => document.querySelector<HTMLElement>(`[data-card-id="${cardId}"] .move-toggle`);

/** Remembers which card a "Move to…" choice was for, to put focus back on it once it is drawn in its new place. */
export function movedByKeyboard(cardId: string): void {
  lastMoved = cardId;
  placedOn = null;
}

/**
 * After a keyboard move the card is drawn in its new lane (a new element) and focus fell to the page:
 * it follows the card to its "Move to…" button, so the person can keep moving it. A move the server refuses
 * draws the card back in its old lane, again a new element: focus follows it there too.
 */
export function useRestoreFocus(view: unknown): void {
  useEffect(() => {
    if (!lastMoved) return;
    const active = document.activeElement as HTMLElement | null;
    if (active && active !== document.body && document.contains(active)) return;
    if (placedOn?.isConnected) {
      lastMoved = null;
      placedOn = null;
      return;
    }
    const toggle = moveToggle(lastMoved);
    if (!toggle) return;
    toggle.focus();
    placedOn = toggle;
  }, [view]);
}

/** Focus back on the card last moved with "Move to…" (e.g. once the notice about that move is hidden); false if none. */
export function focusLastMoved(): boolean {
  const toggle = lastMoved ? moveToggle(lastMoved) : null;
  toggle?.focus();
  return !!toggle;
}

/**
 * A card's dialog closed: focus goes back to the card's title button that opened it. Left alone it fell to the
 * page once the dialog was taken out, and a keyboard user had to Tab from the top of the board to find the card.
 */
export function focusCardTitle(cardId: string): void {
  document.querySelector<HTMLElement>(`[data-card-id="${cardId}"] .card-title`)?.focus();
}
