import { useEffect, useMemo, useState } from 'preact/hooks';
import { countryName, errorText, t } from '../i18n';
import { IdempotentSubmission } from '../api/idempotency';
import { ApiProblem } from '../api/http';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { decide, decideMany, resendLink, type SelectionCriterion as Criterion, type DecisionKind, type SelectionEntry } from './intakeApi';
import { scoreText } from './criteria';
import { statusName } from './waitlist';
import { ReviewPanel } from './ReviewPanel';
import { Fragment } from 'preact';

type SortKey = 'name' | 'country' | 'score' | 'spread' | 'status' | 'submitted';
const decisions: DecisionKind[] = ['Accepted', 'Waitlisted', 'Rejected'];
const final = new Set(['Confirmed', 'Declined', 'Withdrawn', 'Expired']);
/** Rows per page: a thousand rows sort and filter in memory, but only one page is in the DOM at a time. */
export const pageSize = 50;

/**
 * The applications, sortable by every column. Each decision names the version the organizer saw, so a
 * change made meanwhile (another organizer, the applicant withdrawing) is refused as selection.stale
 * instead of overwritten; the table then reloads. Only one page of rows is rendered, so a table of
 * 1,000 applications stays quick on a tablet; rows can be ticked and decided together in one batch.
 * Without <code>canDecide</code> (a reviewer) the table only opens applications for review.
 */
export function ApplicationsTable({ campId, entries, filterKey, canDecide, criteria, changed }: {
  campId: string; entries: SelectionEntry[]; filterKey: string; canDecide: boolean; criteria: Criterion[]; changed: () => void;
}) {
  const [sort, setSort] = useState<{ key: SortKey; up: boolean }>({ key: 'score', up: false });
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const submissions = useMemo(() => new Map<string, IdempotentSubmission>(), []);
  const [page, setPage] = useState(0);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  // Another filter shows other rows: start again from their first page.
  useEffect(() => setPage(0), [filterKey]);

  const sorted = useMemo(() => {
    const value = (e: SelectionEntry): string | number => ({
      name: e.application.name.toLocaleLowerCase(), country: e.application.country, score: e.score.mean ?? -1,
      // Unreviewed and single reviews have no spread: they sort below any disagreement.
      spread: e.score.count > 1 ? e.score.spread : -1,
      status: e.status, submitted: e.application.submittedAt,
    })[sort.key];
    return [...entries].sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * (sort.up ? 1 : -1));
  }, [entries, sort]);
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = sorted.slice(current * pageSize, (current + 1) * pageSize);
  // Only ticked rows the filter shows count, and only they are decided.
  const tickedShown = entries.filter((e) => ticked.has(e.application.applicationId) && !final.has(e.status));
  const tickable = shown.filter((e) => !final.has(e.status));
  const allTicked = tickable.length > 0 && tickable.every((e) => ticked.has(e.application.applicationId));
  const toggle = (id: string) => setTicked((now) => {
    const next = new Set(now);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  const toggleAll = () => setTicked((now) => {
    const next = new Set(now);
    for (const e of tickable) { if (allTicked) next.delete(e.application.applicationId); else next.add(e.application.applicationId); }
    return next;
  });

  async function actOnTicked(decision: DecisionKind): Promise<void> {
    const items = tickedShown.map((e) => ({ applicationId: e.application.applicationId, decision, basedOnVersion: e.version }));
    if (items.length === 0) return;
    setBusy('bulk');
    setMessage(null);
    try {
      const done = await new IdempotentSubmission().run((key) => decideMany(campId, items, key));
      const refused = done.refused.map((r) => `${r.name}: ${errorText(r.code, r.detail) ?? r.detail}`).join('; ');
      setMessage({
        kind: done.refused.length ? 'error' : 'info',
        text: t('selection.bulkDone', { count: done.decided.length, status: statusName(decision) }) + (refused ? ` ${t('suggest.refused', { list: refused })}` : ''),
      });
      setTicked(new Set());
      changed();
    } catch (error) {
      setMessage({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(null);
    }
  }

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
        : code === 'selection.quota' ? t('selection.why.quota') : null;
      setMessage({ kind: 'error', text: why ? `${describe(error)} ${why}` : describe(error) });
      if (code === 'selection.stale') changed();
    } finally {
      setBusy(null);
    }
  }

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.up ? 'ascending' : 'descending') : 'none'}>
      <button type="button" class="link-button" onClick={() => setSort({ key, up: sort.key === key ? !sort.up : key !== 'score' && key !== 'spread' })}>{label}</button>
    </th>
  );

  return (
    <>
      <div aria-live="polite">{message && <Message kind={message.kind} text={message.text} />}</div>
      {canDecide && <div class="actions bulk" role="group" aria-label={t('selection.bulk')}>
        <span data-testid="ticked-count">{t('selection.ticked', { count: tickedShown.length })}</span>
        {decisions.map((d) => (
          <button key={d} type="button" class="secondary" disabled={busy !== null || tickedShown.length === 0} onClick={() => void actOnTicked(d)}
            data-testid={`bulk-${d}`}>{t(`selection.bulk.${d}`)}</button>
        ))}
      </div>}
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('selection.applicationsTitle')}>
        <table class="applications" data-testid="applications">
          <thead>
            <tr>
              {canDecide && <th scope="col"><input type="checkbox" checked={allTicked} onChange={toggleAll} aria-label={t('selection.tickPage')} data-testid="tick-page" /></th>}
              {header('name', t('selection.name'))}{header('country', t('apply.country'))}
              <th scope="col">{t('selection.organisationSkills')}</th>
              {header('score', t('selection.score'))}{header('spread', t('selection.spread'))}{header('status', t('selection.status'))}
              <th scope="col">{canDecide ? t('selection.decide') : t('review.open')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => {
              const a = e.application;
              return (
                <Fragment key={a.applicationId}>
                <tr data-testid={`application-${a.name}`}>
                  {canDecide && <td>{!final.has(e.status) && <input type="checkbox" checked={ticked.has(a.applicationId)} onChange={() => toggle(a.applicationId)}
                    aria-label={t('selection.tick', { name: a.name })} />}</td>}
                  <th scope="row"><bdi>{a.name}</bdi></th>
                  <td>{countryName(a.country)}</td>
                  <td><bdi>{a.organisation}</bdi><br /><span class="muted">{a.skills.join(', ')}</span></td>
                  <td data-testid="score">{scoreText(e.score)}</td>
                  <td data-testid="spread">{e.score.count > 1 ? e.score.spread : '—'}</td>
                  <td data-testid="status">{statusName(e.status)}</td>
                  <td class="actions">
                    {canDecide && !final.has(e.status) && decisions.filter((d) => d !== e.status).map((d) => (
                      <button key={d} type="button" disabled={busy === a.applicationId} onClick={() => void act(e, d)}
                        aria-label={t(`selection.do.${d}`, { name: a.name })} data-testid={`decide-${d}`}>{t(`selection.button.${d}`)}</button>
                    ))}
                    <button type="button" class="secondary" aria-expanded={open === a.applicationId} aria-controls={open === a.applicationId ? `review-row-${a.applicationId}` : undefined}
                      onClick={() => setOpen(open === a.applicationId ? null : a.applicationId)}
                      aria-label={t('review.openFor', { name: a.name })} data-testid="review-open">{t('review.open')}</button>
                    {canDecide && <button type="button" class="secondary" disabled={busy === a.applicationId} onClick={() => void act(e, 'link')}
                      aria-label={t('selection.resendFor', { name: a.name })}>{t('selection.resend')}</button>}
                  </td>
                </tr>
                {open === a.applicationId && (
                  <tr id={`review-row-${a.applicationId}`}>
                    <td colSpan={canDecide ? 8 : 7}><ReviewPanel campId={campId} applicationId={a.applicationId} version={e.version} criteria={criteria} reviewed={changed} /></td>
                  </tr>
                )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav class="actions pager" aria-label={t('selection.pages')}>
          <button type="button" class="secondary" disabled={current === 0} onClick={() => setPage(current - 1)} data-testid="page-previous">{t('selection.previous')}</button>
          <span aria-live="polite" data-testid="page-of">{t('selection.pageOf', { page: current + 1, pages })}</span>
          <button type="button" class="secondary" disabled={current >= pages - 1} onClick={() => setPage(current + 1)} data-testid="page-next">{t('selection.next')}</button>
        </nav>
      )}
    </>
  );
}
