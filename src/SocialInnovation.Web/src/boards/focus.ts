import { useEffect } from 'preact/hooks';

let lastMoved: string | null = null;

/** Remembers which card a "Move to…" choice was for, to put focus back on it once it is drawn in its new place. */
export function movedByKeyboard(cardId: string): void {
  lastMoved = cardId;
}

/**
 * After a keyboard move the card is drawn in its new lane (a new element) and focus fell to the page:
 * it follows the card to its "Move to…" button, so the person can keep moving it.
 */
export function useRestoreFocus(view: unknown): void {
  useEffect(() => {
    if (!lastMoved) return;
    const active = document.activeElement as HTMLElement | null;
    if (active && active !== document.body && document.contains(active)) return;
    const toggle = document.querySelector<HTMLElement>(`[data-card-id="${lastMoved}"] .move-toggle`);
    if (!toggle) return;
    toggle.focus();
    lastMoved = null;
  }, [view]);
}

/**
 * A card's dialog closed: focus goes back to the card's title button that opened it. Left alone it fell to the
 * page once the dialog was taken out, and a keyboard user had to Tab from the top of the board to find the card.
 */
export function focusCardTitle(cardId: string): void {
  document.querySelector<HTMLElement>(`[data-card-id="${cardId}"] .card-title`)?.focus();
}
