import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatDays, t } from '../i18n';
import { applicationForm, submitApplication, type ApplicationFormInfo } from '../api/applications';
import { IdempotentSubmission } from '../api/idempotency';
import type { PageProps } from '../router';
import { describe } from '../ui/describe';
import { SubmitButton } from '../ui/Field';
import { FormErrors, focusFirstInvalid } from '../ui/formErrors';
import { Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { ApplicationFields, fieldNames, readForm } from './ApplicationFields';

/** /camps/:campId/apply — the public application form; no account needed. */
export default function ApplyPage({ params }: PageProps) {
  usePageTitle(t('apply.title'));
  const [info, setInfo] = useState<ApplicationFormInfo | { problem: string } | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  useEffect(() => {
    applicationForm(params.campId).then(setInfo, (error: unknown) => setInfo({ problem: describe(error) }));
  }, [params.campId]);

  if (!info) return <Loading text={t('apply.loading')} />;
  if ('problem' in info) return <Message text={info.problem} />;
  return (
    <>
      <h1>{t('apply.title')}</h1>
      <p class="lead"><User>{info.campName}</User> · <User>{info.location}</User> · {formatDays(info.startsOn, info.endsOn)}</p>
      {sentTo ? <p class="card" role="status" data-testid="apply-done">{t('apply.done', { email: sentTo })}</p>
        : info.open ? <ApplyForm info={info} onSent={setSentTo} />
        : <Message text={t('apply.closed')} />}
    </>
  );
}

function ApplyForm({ info, onSent }: { info: ApplicationFormInfo; onSent: (email: string) => void }) {
  const errors = useMemo(() => new FormErrors(fieldNames), []);
  const submission = useMemo(() => new IdempotentSubmission(`apply:${info.campId}`), [info.campId]);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    errors.clear();
    const values = readForm(form.current!);
    const website = String(new FormData(form.current!).get('website') ?? '');
    setBusy(true);
    try {
      const received = await submission.run((key) => submitApplication(info.campId, values, key, website), values);
      onSent(received.email);
    } catch (error) {
      errors.show(error);
      setBusy(false);
      setTimeout(() => focusFirstInvalid(form.current));
    }
  }

  return (
    <form ref={form} class="form" onSubmit={(e) => void submit(e)} noValidate>
      <ApplicationFields errors={errors} countries={info.countries} privacyText={info.privacyText} />
      {/* The honeypot: hidden from people and screen readers, filled in only by bots. */}
      <div class="visually-hidden" aria-hidden="true">
        <label>Website <input name="website" tabIndex={-1} autoComplete="off" /></label>
      </div>
      <Message text={errors.message.value} />
      <div class="actions"><SubmitButton busy={busy} idle={t('apply.submit')} busyText={t('apply.busy')} testId="apply-submit" /></div>
    </form>
  );
}
