import type { ComponentChildren } from 'preact';

/**
 * A polite live region: what is put in it is read out without moving focus. It stays in the page while
 * empty (CSS collapses it), because a region that appears together with its text is often not read.
 */
export function Message({ kind = 'error', text }: { kind?: 'error' | 'info'; text: string | null | undefined }) {
  return <p class={`message message-${kind}`} role="status" aria-live="polite">{text ?? ''}</p>;
}

export const Loading = ({ text }: { text: string }) => <p class="loading" role="status" aria-live="polite">{text}</p>;

export const Empty = ({ children }: { children: ComponentChildren }) => <p class="empty">{children}</p>;
