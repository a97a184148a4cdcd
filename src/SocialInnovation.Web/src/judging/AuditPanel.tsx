import { useEffect, useState } from 'preact/hooks';
import { formatMoment, has, t } from '../i18n';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { User } from '../ui/text';
import { getAudit, type AuditEntry, type Leaderboard } from './judgingApi';

/** The grain's action names (scored, revised, undone, skipped, absent, conflict, pinned, moved-away, compared, recompared) in words. */
const actionText = (action: string) => {
  const key = `audit.action.${action}`;
  return has(key) ? t(key) : action;
};

/**
 * Every change a judge made, and every move by the organizers, newest first: nothing on a sheet vanishes
 * silently. Read when opened and again whenever the judging stream reports a change (`changes` grows).
 */
export function AuditPanel({ campId, board, teamName, changes }: {
  campId: string;
  board: Leaderboard;
  teamName: (id: string) => string;
  changes: number;
}) {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    getAudit(campId).then((list) => { if (current) { setEntries(list); setError(null); } }, (e: unknown) => current && setError(describe(e)));
    return () => { current = false; };
  }, [campId, open, changes]);

  const criteria = board.setup.rubric.criteria;
  const marks = (m: Record<string, number>) => criteria.filter((c) => m[c.id] !== undefined).map((c) => `${c.name} ${m[c.id]}`).join(' · ');

  return (
    <details class="audit-panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('audit.title')}</summary>
      <p class="hint">{t('audit.hint')}</p>
      <Message text={error} />
      {entries && (entries.length === 0 ? <p class="muted">{t('audit.empty')}</p> : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('audit.title')}>
          <table data-testid="audit">
            <caption class="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th><th scope="col">{t('audit.judge')}</th><th scope="col">{t('audit.team')}</th>
                <th scope="col">{t('audit.action')}</th><th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {[...entries].reverse().map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td>{formatMoment(e.at)}</td>
                  <td><User>{e.judgeName}</User></td>
                  <td><User>{teamName(e.teamId)}</User>{e.other && <> {t(e.action === 'pair-skipped' ? 'audit.and' : 'audit.over')} <User>{teamName(e.other)}</User></>}</td>
                  <td>{actionText(e.action)}</td>
                  <td>{e.marks && marks(e.marks)}{e.marks && e.comment ? ' · ' : ''}{e.comment && <User>{e.comment}</User>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </details>
  );
}
