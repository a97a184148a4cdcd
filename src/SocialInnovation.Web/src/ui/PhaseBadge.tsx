import { phaseName } from '../i18n';
import type { Phase } from '../api/types';

export const PhaseBadge = ({ phase }: { phase: Phase }) =>
  <span class={`badge phase-${phase.toLowerCase()}`} data-phase={phase}>{phaseName(phase)}</span>;
