import { useMemo, useState } from 'preact/hooks';
import { countryName, t } from '../i18n';
import { IdempotentSubmission } from '../api/idempotency';
import { ApiProblem } from '../api/http';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { decide, resendLink, type DecisionKind, type SelectionEntry } from './intakeApi';
import { statusName } from './waitlist';

type SortKey = 'name' | 'country' | 'score' | 'status' | 'submitted';
const decisions: DecisionKind[] = ['Accepted', 'Waitlisted', 'Rejected'];
const final = new Set(['Confirmed', 'Declined', 'Withdrawn', 'Expired']);

/**
 * The applications, sortable by every column. Each decision names the version the organizer saw, so a
 * change made meanwhile (another organizer, the applicant withdrawing) is refused as selection.stale
 * instead of overwritten; the table then reloads.
 */
export function ApplicationsTable({ campId, entries, changed }: { campId: string; entries: SelectionEntry[]; changed: () => void }) {
  const [sort, setSort] = useState<{ key: SortKey; up: boolean }>({ key: 'score', up: false });
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const submissions = useMemo(() => new Map<string, IdempotentSubmission>(), []);

  const sorted = useMemo(() => {
    const value = (e: SelectionEntry): string | number => ({
      name: e.application.name.toLocaleLowerCase(), country: e.application.country, score: e.score.mean ?? -1,
      status: e.status, submitted: e.application.submittedAt,
    })[sort.key];
    return [...entries].sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * (sort.up ? 1 : -1));
  }, [entries, sort]);

  async function act(entry: SelectionEntry, action: DecisionKind | 'link'): Promise<void> {
    const id = entry.application.applicationId;
    const scope = `${action}:${id}:${entry.version}`;
    const submission = submissions.get(scope) ?? new IdempotentSubmission();
    submissions.set(scope, submission);
    setBusy(id);
    setMessage(null);
    try {
      if (action === 'link') {
        const sent = await submission.run((key) => resendLink(campId, id, key));
        setMessage({ kind: 'info', text: t('selection.linkSent', { email: sent.email }) });
      } else {
        await submission.run((key) => decide(campId, id, action, entry.version, key));
        setMessage({ kind: 'info', text: t('selection.decided', { name: entry.application.name, status: statusName(action) }) });
        changed();
      }
    } catch (error) {
      const code = error instanceof ApiProblem ? error.code : null;
      // The server's refusals of a decision, each with what to do about it.
      const why = code === 'selection.stale' ? t('selection.why.stale') : code === 'selection.full' ? t('selection.why.full')
        : code === 'selection.quota' ? t('selection.why.quota', { country: countryName(entry.application.country) }) : null;
      setMessage({ kind: 'error', text: why ? `${describe(error)} ${why}` : describe(error) });
      if (code === 'selection.stale') changed();
    } finally {
      setBusy(null);
    }
  }

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.up ? 'ascending' : 'descending') : 'none'}>
      <button type="button" class="link-button" onClick={() => setSort({ key, up: sort.key === key ? !sort.up : key !== 'score' })}>{label}</button>
    </th>
  );

  return (
    <>
      <div aria-live="polite">{message && <Message kind={message.kind} text={message.text} />}</div>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('selection.applicationsTitle')}>
        <table class="applications" data-testid="applications">
          <thead>
            <tr>
              {header('name', t('selection.name'))}{header('country', t('apply.country'))}
              <th scope="col">{t('selection.organisationSkills')}</th>
              {header('score', t('selection.score'))}{header('status', t('selection.status'))}
              <th scope="col">{t('selection.decide')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((e) => {
              const a = e.application;
              return (
                <tr key={a.applicationId} data-testid={`application-${a.name}`}>
                  <th scope="row"><bdi>{a.name}</bdi></th>
                  <td>{countryName(a.country)}</td>
                  <td><bdi>{a.organisation}</bdi><br /><span class="muted">{a.skills.join(', ')}</span></td>
                  <td>{e.score.mean === null ? '—' : t('selection.scoreOf', { mean: e.score.mean, count: e.score.count, spread: e.score.spread })}</td>
                  <td data-testid="status">{statusName(e.status)}</td>
                  <td class="actions">
                    {!final.has(e.status) && decisions.filter((d) => d !== e.status).map((d) => (
                      <button key={d} type="button" disabled={busy === a.applicationId} onClick={() => void act(e, d)}
                        aria-label={t(`selection.do.${d}`, { name: a.name })} data-testid={`decide-${d}`}>{t(`selection.button.${d}`)}</button>
                    ))}
                    <button type="button" class="secondary" disabled={busy === a.applicationId} onClick={() => void act(e, 'link')}
                      aria-label={t('selection.resendFor', { name: a.name })}>{t('selection.resend')}</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
