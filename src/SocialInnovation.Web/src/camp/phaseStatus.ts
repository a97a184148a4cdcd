import { h } from '../ui/dom';
import { phaseName, t } from '../i18n';
import type { Phase } from '../api/types';

/**
 * The current phase, inside a polite live region: when a live event moves the camp, screen readers
 * hear the new phase without losing their place. Used by the camp page and the console alike.
 */
export function phaseStatus(): { element: HTMLElement; update(phase: Phase): void } {
  const current = h('strong', { class: 'phase-current', 'data-testid': 'phase-current' });
  const element = h('p', { class: 'phase-status', 'aria-live': 'polite', 'aria-atomic': 'true' },
    h('span', { class: 'label' }, t('camp.phase')), ' ', current);
  return {
    element,
    update(phase) {
      if (current.dataset.phase === phase) return;
      current.dataset.phase = phase;
      current.textContent = phaseName(phase);
    },
  };
}
