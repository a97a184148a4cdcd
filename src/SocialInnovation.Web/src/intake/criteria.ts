import { t, type MessageKey } from '../i18n';
import type { SelectionCriterion as Criterion, SelectionEntry } from './intakeApi';

// The default criteria's names as the server seeds them (SelectionCriteria.Default): shown translated
// while the organizers keep them; a name they typed is shown as typed.
const defaults: Record<string, string> = {
  motivation: 'Motivation',
  skills: 'Relevant skills',
  'team-fit': 'Team fit',
  impact: 'Social impact potential',
};

export const criterionName = (c: Criterion): string =>
  defaults[c.id] === c.name ? t(`criteria.${c.id}` as MessageKey) : c.name;

/** An entry's score for the table: mean, reviews and the reviewers' lowest–highest. */
export function scoreText(score: SelectionEntry['score']): string {
  if (score.mean === null) return '—';
  return score.count > 1 && score.min != null && score.max != null
    ? t('selection.scoreRange', { mean: score.mean, count: score.count, min: score.min, max: score.max })
    : t('selection.scoreOne', { mean: score.mean, count: score.count });
}
