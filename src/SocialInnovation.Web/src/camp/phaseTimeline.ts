import { h, replaceChildren } from '../ui/dom';
import { phaseName, t } from '../i18n';
import { phases, type Phase } from '../api/types';

/** All phases in order: past ones marked done, the current one highlighted. */
export function phaseTimeline(): { element: HTMLElement; update(phase: Phase): void } {
  const list = h('ol', { class: 'timeline' });
  const element = h('section', { 'aria-label': t('camp.timeline') }, list);
  return {
    element,
    update(phase) {
      const at = phases.indexOf(phase);
      replaceChildren(list, phases.map((p, i) => {
        const state = i < at ? 'past' : i === at ? 'current' : 'future';
        const note = state === 'past' ? t('camp.phasePast') : state === 'current' ? t('camp.phaseCurrent') : null;
        return h('li', { class: `step step-${state}`, 'aria-current': state === 'current' ? 'step' : null },
          phaseName(p), note ? h('span', { class: 'visually-hidden' }, ` (${note})`) : null);
      }));
    },
  };
}
