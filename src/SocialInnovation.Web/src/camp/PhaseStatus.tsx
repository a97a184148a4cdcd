import { phaseName, t } from '../i18n';
import { phases, type Phase } from '../api/types';

/** The current phase. Used by the camp page and the console alike; live changes are announced by Announcer. */
export const PhaseStatus = ({ phase }: { phase: Phase }) => (
  <p class="phase-status">
    <span class="label">{t('camp.phase')}</span>{' '}
    <strong class="phase-current" data-testid="phase-current" data-phase={phase}>{phaseName(phase)}</strong>
  </p>
);

/** All phases in order: past ones marked done, the current one highlighted. */
export function PhaseTimeline({ phase }: { phase: Phase }) {
  const at = phases.indexOf(phase);
  return (
    <section aria-label={t('camp.timeline')}>
      <ol class="timeline">
        {phases.map((p, i) => {
          const state = i < at ? 'past' : i === at ? 'current' : 'future';
          const note = state === 'past' ? t('camp.phasePast') : state === 'current' ? t('camp.phaseCurrent') : null;
          return (
            <li key={p} class={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              {phaseName(p)}{note && <span class="visually-hidden"> ({note})</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
