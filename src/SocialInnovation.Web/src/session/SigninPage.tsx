import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { signInOrganizer } from '../api/session';
import { navigate } from '../router';
import { Field, SubmitButton } from '../ui/Field';
import { FormErrors } from '../ui/formErrors';
import { Message } from '../ui/Message';
import { usePageTitle } from '../ui/usePageTitle';
import { setMe } from './current';

export default function SigninPage() {
  usePageTitle(t('signin.title'));
  const errors = useMemo(() => new FormErrors(['Key']), []);
  const [busy, setBusy] = useState(false);
  const key = useRef<HTMLInputElement>(null);
  useEffect(() => key.current?.focus(), []);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    errors.clear();
    setBusy(true);
    try {
      setMe(await signInOrganizer(key.current!.value));
      // Back to the page that asked for sign-in (a path on this site only, never another origin).
      const next = new URLSearchParams(location.search).get('next');
      navigate(next && /^\/(?![/\\])/.test(next) ? next : '/', { replace: true });
    } catch (error) {
      errors.show(error);
      setBusy(false);
      key.current?.focus();
    }
  }

  return (
    <>
      <h1>{t('signin.title')}</h1>
      <form class="card form" onSubmit={(e) => void submit(e)}>
        <Field label={t('signin.key')} hint={t('signin.hint')} error={errors.of('Key')}>
          {(c) => <input {...c} ref={key} type="password" name="key" required autoComplete="current-password" data-testid="signin-key" />}
        </Field>
        <Message text={errors.message.value} />
        <div class="actions"><SubmitButton busy={busy} idle={t('signin.submit')} busyText={t('signin.busy')} testId="signin-submit" /></div>
      </form>
    </>
  );
}
