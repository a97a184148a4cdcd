import { h } from './dom';
import { phaseName } from '../i18n';
import type { Phase } from '../api/types';

export const phaseBadge = (phase: Phase) => h('span', { class: `badge phase-${phase.toLowerCase()}`, 'data-phase': phase }, phaseName(phase));
