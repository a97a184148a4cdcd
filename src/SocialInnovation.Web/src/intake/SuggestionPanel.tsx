import { useMemo, useState } from 'preact/hooks';
import { countryName, errorText, t } from '../i18n';
import { IdempotentSubmission } from '../api/idempotency';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { decideMany, suggestSelection, type DecisionItem, type QuotaField, type SelectionSuggestion } from './intakeApi';
import { fieldQuotaName } from './FieldQuotaRows';

/** A quota as the explanations name it: the country, or e.g. Role “Student”. */
const quotaName = (field: QuotaField, value: string) => (field === 'Country' ? countryName(value) : fieldQuotaName(field, value));

type Outcome = SelectionSuggestion['applicants'][number]['outcome'];
const decisionFor: Record<Outcome, DecisionItem['decision']> = { In: 'Accepted', Waitlisted: 'Waitlisted', Out: 'Rejected' };

/**
 * "Suggest selection": the server fills the places by score within the quotas and says why for each
 * applicant; nothing changes until the organizer applies it. Applying sends one batch of ordinary
 * decisions (each naming the version the suggestion saw), skipping places already held and, unless
 * asked, the rejections.
 */
export function SuggestionPanel({ campId, changed }: { campId: string; changed: () => void }) {
  const [suggestion, setSuggestion] = useState<SelectionSuggestion | null>(null);
  const [rejectOut, setRejectOut] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const submission = useMemo(() => new IdempotentSubmission(), [suggestion]);

  const counts = useMemo(() => {
    const c = { In: 0, Waitlisted: 0, Out: 0 };
    for (const a of suggestion?.applicants ?? []) c[a.outcome]++;
    return c;
  }, [suggestion]);

  async function suggest(): Promise<void> {
    setBusy(true);
    setMessage(null);
    try {
      setSuggestion(await suggestSelection(campId));
    } catch (error) {
      setMessage({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(false);
    }
  }

  async function apply(): Promise<void> {
    if (!suggestion) return;
    const decisions = suggestion.applicants
      .filter((a) => a.reason !== 'AlreadyHolds' && (rejectOut || a.outcome !== 'Out'))
      .filter((a) => !(a.outcome === 'Waitlisted' && a.status === 'Waitlisted'))
      .map((a) => ({ applicationId: a.applicationId, decision: decisionFor[a.outcome], basedOnVersion: a.entryVersion }));
    if (decisions.length === 0) return;
    setBusy(true);
    setMessage(null);
    try {
      const done = await submission.run((key) => decideMany(campId, decisions, key));
      const refused = done.refused.map((r) => `${r.name}: ${errorText(r.code, r.detail) ?? r.detail}`).join('; ');
      setMessage({
        kind: done.refused.length ? 'error' : 'info',
        text: t('suggest.applied', { decided: done.decided.length }) + (refused ? ` ${t('suggest.refused', { list: refused })}` : ''),
      });
      setSuggestion(null);
      changed();
    } catch (error) {
      setMessage({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card suggestion" aria-labelledby="suggest-heading">
      <h2 id="suggest-heading">{t('suggest.title')}</h2>
      <p class="muted">{t('suggest.rule')}</p>
      <p class="actions">
        <button type="button" disabled={busy} onClick={() => void suggest()} data-testid="suggest">{t('suggest.button')}</button>
      </p>
      <div aria-live="polite">{message && <Message kind={message.kind} text={message.text} />}</div>
      {suggestion && (
        <>
          <p role="status" data-testid="suggest-summary">{t('suggest.summary', { in: counts.In, waitlisted: counts.Waitlisted, out: counts.Out, capacity: suggestion.capacity, held: suggestion.placesHeld })}</p>
          {suggestion.shortfalls.length > 0 && (
            <ul class="message message-error" data-testid="suggest-shortfalls">
              {suggestion.shortfalls.map((s) => (
                <li key={`${s.field}:${s.value}`}>{t(`suggest.shortfall.${s.cause}`, { country: quotaName(s.field, s.value), min: s.min, reached: s.reached })}</li>
              ))}
            </ul>
          )}
          <div class="table-scroll" tabIndex={0} role="region" aria-label={t('suggest.title')}>
            <table data-testid="suggestion">
              <thead>
                <tr>
                  <th scope="col">{t('suggest.rank')}</th><th scope="col">{t('selection.name')}</th><th scope="col">{t('apply.country')}</th>
                  <th scope="col">{t('selection.score')}</th><th scope="col">{t('suggest.outcome')}</th><th scope="col">{t('suggest.why')}</th>
                </tr>
              </thead>
              <tbody>
                {suggestion.applicants.map((a) => (
                  <tr key={a.applicationId} data-testid={`suggested-${a.name}`}>
                    <td>{a.rank}</td>
                    <th scope="row"><bdi>{a.name}</bdi></th>
                    <td>{countryName(a.country)}</td>
                    <td>{a.score ?? '—'}</td>
                    <td data-testid="outcome">{t(`suggest.outcome.${a.outcome}`)}</td>
                    <td>{t(`suggest.reason.${a.reason}`, { country: countryName(a.country), quota: a.quota ? quotaName(a.quota.field, a.quota.value) : '' })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <label><input type="checkbox" checked={rejectOut} onChange={(e) => setRejectOut(e.currentTarget.checked)} /> {t('suggest.rejectOut')}</label>
          </p>
          <p class="actions">
            <button type="button" disabled={busy} onClick={() => void apply()} data-testid="apply-suggestion">{t('suggest.apply')}</button>
          </p>
        </>
      )}
    </section>
  );
}
