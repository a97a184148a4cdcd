import { useEffect, useMemo, useState } from 'preact/hooks';
import { countryName, t } from '../i18n';
import { ApiProblem } from '../api/http';
import { IdempotentSubmission } from '../api/idempotency';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { getApplication, reviewApplication, type ApplicationReview } from './intakeApi';

/**
 * One application opened for review: the whole form, every reviewer's score and notes (the spread shows
 * how far they disagree), and the reader's own score 1–5 with notes. Scoring again replaces one's score.
 */
export function ReviewPanel({ campId, applicationId, version, reviewed }: { campId: string; applicationId: string; version: number; reviewed: () => void }) {
  const [review, setReview] = useState<ApplicationReview | null>(null);
  const [score, setScore] = useState<number | null>(null);
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
    if (score === null) {
      setErrors({ Score: [t('review.chooseScore')] });
      return;
    }
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await submission.run((key) => reviewApplication(campId, applicationId, score, notes, key));
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
      <h3>{summary.mean === null ? t('review.none') : t('selection.scoreOf', { mean: summary.mean, count: summary.count, spread: summary.spread })}</h3>
      {review.details.reviews.length > 0 && (
        <ul data-testid="reviews">
          {review.details.reviews.map((r) => (
            <li key={r.reviewerId}><bdi>{r.reviewerName}</bdi>: <strong>{r.score}</strong>{r.notes && <> — <bdi>{r.notes}</bdi></>}</li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void save(e)} noValidate aria-labelledby={`${id}-legend`}>
        <fieldset class="score-choice" aria-invalid={!!errors.Score} aria-describedby={errors.Score ? `${id}-score-error` : undefined}>
          <legend id={`${id}-legend`}>{t('review.yourScore')}</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n}><input type="radio" name={`${id}-score`} value={n} checked={score === n} onChange={() => setScore(n)} data-testid={`score-${n}`} /> {n}</label>
          ))}
        </fieldset>
        {errors.Score && <p class="field-error" id={`${id}-score-error`}>{errors.Score.join(' ')}</p>}
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
