import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatMoment, roleName, t } from '../i18n';
import { ApiProblem } from '../api/http';
import { IdempotentSubmission } from '../api/idempotency';
import { redeemInvite } from '../api/invites';
import type { InvitePreview, Me } from '../api/types';
import { currentMe } from '../session/current';
import { navigate } from '../router';
import { describe } from '../ui/describe';
import { Field, SubmitButton } from '../ui/Field';
import { FormErrors, focusFirstInvalid } from '../ui/formErrors';
import { Loading, Message } from '../ui/Message';
import { tx, User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { invitePreview, inviteToken } from './invitePreview';

type Loaded = { preview: InvitePreview; me: Me | null } | { problem: string };

/** /join#<token>: the invite's preview, then a name and Join. */
export default function JoinPage() {
  usePageTitle(t('join.title'));
  const token = useMemo(inviteToken, []);
  const [loaded, setLoaded] = useState<Loaded | null>(token ? null : { problem: t('join.noToken') });

  useEffect(() => {
    if (!token) return;
    Promise.all([invitePreview(token), currentMe().catch(() => null)]).then(
      ([preview, me]) => setLoaded({ preview, me }),
      (error: unknown) => setLoaded({ problem: previewProblem(error) }),
    );
  }, [token]);

  return (
    <>
      <h1>{t('join.title')}</h1>
      {!loaded ? <Loading text={t('join.loading')} />
        : 'problem' in loaded ? <Message text={loaded.problem} />
        : <JoinForm token={token} preview={loaded.preview} me={loaded.me} />}
    </>
  );
}

// A malformed token (cut off when copied, say) is refused as invalid input; to the reader it is just a bad link.
const previewProblem = (error: unknown): string =>
  error instanceof ApiProblem && error.status === 400 ? t('error.invite.unknown') : describe(error);

function JoinForm({ token, preview, me }: { token: string; preview: InvitePreview; me: Me | null }) {
  const errors = useMemo(() => new FormErrors(['Name']), []);
  // Kept on the device: a reload after a lost answer joins the same person once, not a second one.
  const submission = useMemo(() => new IdempotentSubmission('join'), []);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    errors.clear();
    const name = me ? null : String(new FormData(form.current!).get('name') ?? '').trim();
    setBusy(true);
    try {
      const joined = await submission.run((key) => redeemInvite(token, name, key), { token, name });
      await currentMe(true).catch(() => null);
      navigate(`/camps/${joined.campId}`, { replace: true });
    } catch (error) {
      errors.show(error);
      setBusy(false);
      setTimeout(() => focusFirstInvalid(form.current));
    }
  }

  return (
    <div>
      <div class="card">
        <p class="lead">{tx('join.invitedAs', { camp: <User>{preview.campName}</User>, role: roleName(preview.role) })}</p>
        {preview.label && <p>{tx('join.label', { label: <User>{preview.label}</User> })}</p>}
        <p class="muted">{t('join.expires', { date: formatMoment(preview.expiresAt) })}</p>
      </div>
      <form ref={form} class="form" onSubmit={(e) => void submit(e)}>
        {me ? <p>{tx('join.signedInAs', { name: <User>{me.name}</User> })}</p> : (
          <Field label={t('join.name')} hint={t('join.nameHint')} error={errors.of('Name')}>
            {(c) => <input {...c} type="text" name="name" required minLength={2} maxLength={60} autoComplete="name" dir="auto" data-testid="join-name" />}
          </Field>
        )}
        <Message text={errors.message.value} />
        <div class="actions"><SubmitButton busy={busy} idle={t('join.submit')} busyText={t('join.busy')} testId="join-submit" /></div>
      </form>
    </div>
  );
}
