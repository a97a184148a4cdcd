import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatMoment, t, type MessageKey } from '../i18n';
import { applicantAction, editApplication, openApplication, type MyApplication } from '../api/applications';
import { IdempotentSubmission } from '../api/idempotency';
import { describe } from '../ui/describe';
import { SubmitButton } from '../ui/Field';
import { FormErrors, focusFirstInvalid } from '../ui/formErrors';
import { Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { ApplicationFields, fieldNames, readForm } from './ApplicationFields';

/** /application#<token> — the applicant's private link; the token stays in the fragment, never in a server log. */
export default function MyApplicationPage() {
  usePageTitle(t('mine.title'));
  const token = useMemo(() => decodeURIComponent(location.hash.replace(/^#/, '')).trim(), []);
  const [mine, setMine] = useState<MyApplication | { problem: string } | null>(token ? null : { problem: t('mine.noToken') });
  const [notice, setNotice] = useState<string | null>(null);
  const actions = useMemo(() => new IdempotentSubmission(), []);

  useEffect(() => {
    if (token) openApplication(token).then(setMine, (error: unknown) => setMine({ problem: describe(error) }));
  }, [token]);

  if (!mine) return <Loading text={t('mine.loading')} />;
  if ('problem' in mine) return <><h1>{t('mine.title')}</h1><Message text={mine.problem} /></>;

  async function act(action: 'withdraw' | 'confirm' | 'decline'): Promise<void> {
    try {
      setMine(await actions.run((key) => applicantAction(action, token, key)));
      setNotice(null);
    } catch (error) {
      setNotice(describe(error));
    }
  }

  const { application, status, confirmBy, canEdit } = mine;
  return (
    <>
      <h1>{t('mine.title')}</h1>
      <div class="card">
        <p class="lead"><User>{application.campName}</User></p>
        <p role="status" data-testid="mine-status">{t(`mine.status.${status}` as MessageKey)}</p>
        {status === 'Accepted' && confirmBy && <p>{t('mine.confirmBy', { date: formatMoment(confirmBy) })}</p>}
        <div class="actions">
          {status === 'Accepted' && <button type="button" onClick={() => void act('confirm')} data-testid="mine-confirm">{t('mine.confirm')}</button>}
          {(status === 'Accepted' || status === 'Waitlisted') && <button type="button" class="secondary" onClick={() => void act('decline')}>{t('mine.decline')}</button>}
          {status !== 'Withdrawn' && status !== 'Confirmed' && status !== 'Declined' &&
            <button type="button" class="secondary" onClick={() => void act('withdraw')}>{t('mine.withdraw')}</button>}
          {status === 'Confirmed' && <a href={`/camps/${application.campId}`}>{t('mine.toCamp')}</a>}
        </div>
        <Message text={notice} />
      </div>
      {canEdit && status !== 'Withdrawn' && <EditForm token={token} mine={mine} onSaved={setMine} />}
    </>
  );
}

function EditForm({ token, mine, onSaved }: { token: string; mine: MyApplication; onSaved: (m: MyApplication) => void }) {
  const errors = useMemo(() => new FormErrors(fieldNames), []);
  const submission = useMemo(() => new IdempotentSubmission(), []);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    errors.clear();
    setBusy(true);
    try {
      const values = readForm(form.current!);
      onSaved(await submission.run((key) => editApplication(token, values, key), values));
      setSaved(true);
    } catch (error) {
      errors.show(error);
      setTimeout(() => focusFirstInvalid(form.current));
    }
    setBusy(false);
  }

  return (
    <form ref={form} class="form" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('mine.edit')}</h2>
      <ApplicationFields errors={errors} countries={[mine.application.form.country]} privacyText="" initial={mine.application.form} emailFixed />
      <Message text={errors.message.value} />
      {saved && <p role="status">{t('mine.saved')}</p>}
      <div class="actions"><SubmitButton busy={busy} idle={t('mine.save')} busyText={t('apply.busy')} /></div>
    </form>
  );
}
