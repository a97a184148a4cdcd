import { useEffect, useMemo, useState } from 'preact/hooks';
import { countryName, t } from '../i18n';
import { ApiProblem } from '../api/http';
import { IdempotentSubmission } from '../api/idempotency';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { getApplication, reviewApplication, type ApplicationReview, type SelectionCriterion as Criterion } from './intakeApi';
import { criterionName, scoreText } from './criteria';

/**
 * One application opened for review: the whole form, every reviewer's scores per criterion and notes (the
 * lowest–highest shows how far they disagree), and the reader's own score 1–5 on each of the camp's
 * criteria with notes. Scoring again replaces one's review.
 */
export function ReviewPanel({ campId, applicationId, version, criteria, reviewed }: {
  campId: string; applicationId: string; version: number; criteria: Criterion[]; reviewed: () => void;
}) {
  const [review, setReview] = useState<ApplicationReview | null>(null);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submission = useMemo(() => new IdempotentSubmission(), [review]);

  async function load(): Promise<void> {
    try {
      setReview(await getApplication(campId, applicationId));
    } catch (error) {
      setMessage({ kind: 'error', text: describe(error) });
    }
  }
  // A colleague's review (pushed as a new version of the entry) shows here too.
  useEffect(() => void load(), [campId, applicationId, version]);

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    if (criteria.some((c) => !scores[c.id])) {
      setErrors({ Scores: [t('review.chooseScores')] });
      return;
    }
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await submission.run((key) => reviewApplication(campId, applicationId, criteria.map((c) => ({ criterionId: c.id, score: scores[c.id] })), notes, key));
      setMessage({ kind: 'info', text: t('review.saved') });
      await load();
      reviewed();
    } catch (error) {
      if (error instanceof ApiProblem) setErrors(error.errors);
      setMessage({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(false);
    }
  }

  if (!review) return message ? <Message text={message.text} /> : <Loading text={t('review.loading')} />;
  const form = review.details.application.form;
  const summary = review.details.score;
  const id = `review-${applicationId}`;
  return (
    <div class="review" data-testid="review-panel">
      <dl class="facts">
        <dt>{t('apply.country')}</dt><dd>{countryName(form.country)}, <bdi>{form.city}</bdi></dd>
        <dt>{t('review.role')}</dt><dd><bdi>{form.role}</bdi>{form.organisation && <>, <bdi>{form.organisation}</bdi></>}</dd>
        <dt>{t('review.languages')}</dt><dd>{form.languages.join(', ')}</dd>
        <dt>{t('review.motivation')}</dt><dd><bdi>{form.motivation}</bdi></dd>
        {form.heardFrom && <><dt>{t('review.heardFrom')}</dt><dd><bdi>{form.heardFrom}</bdi></dd></>}
      </dl>
      <h3>{summary.mean === null ? t('review.none') : scoreText(summary)}</h3>
      {review.details.reviews.length > 0 && (
        <ul data-testid="reviews">
          {review.details.reviews.map((r) => (
            <li key={r.reviewerId}><bdi>{r.reviewerName}</bdi>: <strong>{r.score}</strong>
              {(r.criteria ?? []).length > 0 && <> ({(r.criteria ?? []).map((c) => {
                const known = criteria.find((k) => k.id === c.criterionId);
                return `${known ? criterionName(known) : c.criterionId} ${c.score}`;
              }).join(', ')})</>}
              {r.notes && <> — <bdi>{r.notes}</bdi></>}</li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void save(e)} noValidate aria-label={t('review.yourScore')}>
        <p class="muted">{t('review.yourScore')}</p>
        {criteria.map((c) => (
          <fieldset key={c.id} class="score-choice" aria-invalid={!!errors.Scores && !scores[c.id]}>
            <legend>{criterionName(c)}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n}><input type="radio" name={`${id}-${c.id}`} value={n} checked={scores[c.id] === n}
                onChange={() => setScores((now) => ({ ...now, [c.id]: n }))} data-testid={`score-${c.id}-${n}`} /> {n}</label>
            ))}
          </fieldset>
        ))}
        {errors.Scores && <p class="field-error" id={`${id}-score-error`}>{errors.Scores.join(' ')}</p>}
        <label>{t('review.notes')}
          <textarea rows={3} maxLength={2000} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} data-testid="review-notes" />
        </label>
        {errors.Notes && <p class="field-error">{errors.Notes.join(' ')}</p>}
        <div aria-live="polite">{message && <Message kind={message.kind} text={message.text} />}</div>
        <p class="actions"><button type="submit" disabled={busy} data-testid="review-save">{t('review.save')}</button></p>
      </form>
    </div>
  );
}
