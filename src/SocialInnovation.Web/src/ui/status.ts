import { h } from './dom';
import { ApiProblem } from '../api/http';
import { errorText, t } from '../i18n';

/** The sentence to show for any failure: the catalogue's text for its code, else the server's detail. */
export function describe(error: unknown): string {
  if (error instanceof ApiProblem) {
    if (error.status === 0) return t('error.network');
    if (Object.keys(error.errors).length > 0 && (!error.code || error.code === 'validation')) return t('error.fields');
    return errorText(error.code, error.detail) ?? t('error.unexpected', { status: error.status });
  }
  return t('error.unexpected', { status: String(error instanceof Error ? error.message : error) });
}

/** A polite live region: what is put in it is read out without moving focus. */
export function messageRegion(kind: 'error' | 'info' = 'error'): HTMLElement & { show(text: string | null): void } {
  // Kept in the page while empty (CSS collapses it): a region that appears with its text is often not read.
  const region = h('p', { class: `message message-${kind}`, role: 'status', 'aria-live': 'polite' });
  return Object.assign(region, {
    show(text: string | null) {
      region.textContent = text ?? '';
    },
  });
}

export const loading = (text: string) => h('p', { class: 'loading', role: 'status', 'aria-live': 'polite' }, text);

export const empty = (text: string) => h('p', { class: 'empty' }, text);
