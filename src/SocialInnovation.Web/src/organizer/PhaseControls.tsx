import { useEffect, useRef, useState } from 'preact/hooks';
import { phaseName, t } from '../i18n';
import { ApiProblem } from '../api/http';
import { changePhase, getCamp } from '../api/camps';
import { IdempotentSubmission } from '../api/idempotency';
import { phases, type CampSnapshot, type Phase } from '../api/types';
import type { CampFeed } from '../live/campFeed';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { confirmDialog } from './ConfirmDialog';

// A retried click (after a network failure) reuses its key, so the server applies the move once.
const submissions = new Map<string, IdempotentSubmission>();

/** One button per phase the camp may move to now; the request names the phase the organizer saw. */
export function PhaseControls({ campId, snapshot, feed }: { campId: string; snapshot: CampSnapshot; feed: CampFeed }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const buttons = useRef<HTMLDivElement>(null);
  const hadFocus = useRef(false);

  async function move(to: Phase): Promise<void> {
    const from = snapshot.phase;
    if (to === 'Archived' && !(await confirmDialog(t('console.archiveConfirm'), t('console.archive')))) return;
    const id = `${campId}:${from}->${to}`;
    const submission = submissions.get(id) ?? new IdempotentSubmission(`phase:${id}`);
    submissions.set(id, submission);
    setError(null);
    setBusy(true);
    hadFocus.current = !!buttons.current?.contains(document.activeElement);
    try {
      feed.replace(await submission.run((key) => changePhase(campId, from, to, key), { campId, from, to }));
    } catch (failure) {
      setError(describe(failure));
      // Someone else moved the camp: show where it is now, so the organizer can decide again.
      if (failure instanceof ApiProblem && (failure.code === 'phase.stale' || failure.code === 'phase.archived')) {
        await getCamp(campId).then((latest) => feed.replace(latest), () => undefined);
      }
    } finally {
      setBusy(false);
    }
  }

  // The pressed button goes when the phase changes; keep keyboard users inside the controls.
  useEffect(() => {
    if (!hadFocus.current || buttons.current?.contains(document.activeElement)) return;
    hadFocus.current = false;
    (buttons.current?.querySelector('button') ?? buttons.current)?.focus();
  }, [snapshot.phase]);

  const label = (to: Phase) => to === 'Archived' ? t('console.archive')
    : t(phases.indexOf(to) > phases.indexOf(snapshot.phase) ? 'console.moveTo' : 'console.backTo', { phase: phaseName(to) });

  return (
    <div>
      <div ref={buttons} class="phase-buttons" tabIndex={-1}>
        {snapshot.allowedPhases.length === 0 ? <p class="muted">{t('console.noMoves')}</p>
          : snapshot.allowedPhases.map((to) => (
            <button key={to} type="button" disabled={busy} data-testid={`phase-to-${to}`} onClick={() => void move(to)}
              class={to === 'Archived' ? 'danger' : phases.indexOf(to) < phases.indexOf(snapshot.phase) ? 'secondary' : ''}>
              {label(to)}
            </button>
          ))}
      </div>
      <Message text={error} />
    </div>
  );
}
