import { h, replaceChildren } from '../ui/dom';
import { describe, messageRegion } from '../ui/status';
import { phaseName, t } from '../i18n';
import { ApiProblem } from '../api/http';
import { changePhase, getCamp } from '../api/camps';
import { IdempotentSubmission } from '../api/idempotency';
import { phases, type CampSnapshot, type Phase } from '../api/types';
import type { CampFeed } from '../live/campFeed';
import { confirmDialog } from './confirmDialog';

/** One button per phase the camp may move to now; the request names the phase the organizer saw. */
export function phaseControls(campId: string, feed: CampFeed) {
  const buttons = h('div', { class: 'phase-buttons', tabindex: -1 });
  const errors = messageRegion('error');
  // A retried click (after a network failure) reuses its key, so the server applies the move once.
  const submissions = new Map<string, IdempotentSubmission>();
  let current: CampSnapshot | null = null;

  async function move(to: Phase): Promise<void> {
    if (!current) return;
    const from = current.phase;
    if (to === 'Archived' && !(await confirmDialog(t('console.archiveConfirm'), t('console.archive')))) return;
    const id = `${from}->${to}`;
    const submission = submissions.get(id) ?? new IdempotentSubmission();
    submissions.set(id, submission);
    errors.show(null);
    setDisabled(true);
    try {
      feed.replace(await submission.run((key) => changePhase(campId, from, to, key)));
    } catch (error) {
      errors.show(describe(error));
      // Someone else moved the camp: show where it is now, so the organizer can decide again.
      if (error instanceof ApiProblem && (error.code === 'phase.stale' || error.code === 'phase.archived')) {
        await getCamp(campId).then((snapshot) => feed.replace(snapshot), () => undefined);
      }
    } finally {
      setDisabled(false);
    }
  }

  function setDisabled(disabled: boolean): void {
    for (const button of buttons.querySelectorAll('button')) button.disabled = disabled;
  }

  function label(from: Phase, to: Phase): string {
    if (to === 'Archived') return t('console.archive');
    const forward = phases.indexOf(to) > phases.indexOf(from);
    return t(forward ? 'console.moveTo' : 'console.backTo', { phase: phaseName(to) });
  }

  return {
    element: h('div', {}, buttons, errors),
    update(snapshot: CampSnapshot) {
      current = snapshot;
      // Re-rendering removes the button just pressed; keep keyboard users inside the controls.
      const hadFocus = buttons.contains(document.activeElement);
      if (snapshot.allowedPhases.length === 0) {
        replaceChildren(buttons, h('p', { class: 'muted' }, t('console.noMoves')));
        if (hadFocus) buttons.focus();
        return;
      }
      replaceChildren(buttons, snapshot.allowedPhases.map((to) => h('button', {
        type: 'button',
        class: to === 'Archived' ? 'danger' : phases.indexOf(to) < phases.indexOf(snapshot.phase) ? 'secondary' : '',
        'data-testid': `phase-to-${to}`,
        onclick: () => void move(to),
      }, label(snapshot.phase, to))));
      if (hadFocus) buttons.querySelector('button')?.focus();
    },
  };
}
