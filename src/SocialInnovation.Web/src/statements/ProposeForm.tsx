import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { IdempotentSubmission } from '../api/idempotency';
import { Field, SubmitButton } from '../ui/Field';
import { FormErrors, focusFirstInvalid } from '../ui/formErrors';
import { Message } from '../ui/Message';
import { proposeStatement } from './statementsApi';

/** A participant puts up a problem: title, what it is, whom it affects. Errors appear under their fields. */
export function ProposeForm({ campId, proposed }: { campId: string; proposed: () => void }) {
  const errors = useMemo(() => new FormErrors(['Title', 'Description', 'AffectedGroup']), []);
  const submission = useMemo(() => new IdempotentSubmission(`statement:${campId}`), [campId]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const headingId = useId();

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    errors.clear();
    setDone(null);
    const data = new FormData(form.current!);
    const values = {
      title: String(data.get('title') ?? '').trim(),
      description: String(data.get('description') ?? '').trim(),
      affectedGroup: String(data.get('affectedGroup') ?? '').trim(),
    };
    setBusy(true);
    try {
      await submission.run((key) => proposeStatement(campId, values.title, values.description, values.affectedGroup, key), values);
      form.current!.reset();
      setDone(t('statements.proposed', { title: values.title }));
      proposed();
    } catch (error) {
      errors.show(error);
      setTimeout(() => focusFirstInvalid(form.current));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('statements.propose')}</h2>
      <form ref={form} class="form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)}>
        <Field label={t('statements.titleField')} hint={t('statements.titleHint')} error={errors.of('Title')}>
          {(c) => <input {...c} name="title" required minLength={2} maxLength={60} dir="auto" data-testid="statement-title" />}
        </Field>
        <Field label={t('statements.description')} error={errors.of('Description')}>
          {(c) => <textarea {...c} name="description" required minLength={10} maxLength={1000} rows={4} dir="auto" data-testid="statement-description" />}
        </Field>
        <Field label={t('statements.affected')} hint={t('statements.affectedHint')} error={errors.of('AffectedGroup')}>
          {(c) => <input {...c} name="affectedGroup" required minLength={2} maxLength={120} dir="auto" data-testid="statement-affected" />}
        </Field>
        <Message text={errors.message.value} />
        <Message kind="info" text={done} />
        <div class="actions"><SubmitButton busy={busy} idle={t('statements.submit')} busyText={t('statements.submitting')} testId="statement-submit" /></div>
      </form>
    </section>
  );
}
