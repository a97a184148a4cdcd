import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { roleName, t } from '../i18n';
import { createInvite } from '../api/invites';
import { IdempotentSubmission } from '../api/idempotency';
import { roles, type InviteSummary, type NewInvite, type Role } from '../api/types';
import { Field, SubmitButton } from '../ui/Field';
import { FormErrors, focusFirstInvalid } from '../ui/formErrors';
import { lazyComponent } from '../ui/lazy';
import { Message } from '../ui/Message';

// The QR library is loaded only when a link is shown, not with the console.
const InviteLink = lazyComponent(() => import('./InviteLink'));
const suggestedUses = (role: Role) => (role === 'Participant' ? 60 : 1);

type Result = { link: string } | { retried: true } | null;

/** Creates an invite and shows its link once: the server keeps only a hash of the token. */
export function InviteForm({ campId, created }: { campId: string; created: (invite: InviteSummary) => void }) {
  const errors = useMemo(() => new FormErrors(['Role', 'Label', 'MaxUses', 'ValidForHours']), []);
  const submission = useMemo(() => new IdempotentSubmission(`invite:${campId}`), [campId]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const [uses, setUses] = useState<number | null>(null);
  const [role, setRole] = useState<Role>('Participant');
  const form = useRef<HTMLFormElement>(null);
  const headingId = useId();

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    errors.clear();
    setResult(null);
    const data = new FormData(form.current!);
    const invite: NewInvite = {
      role: String(data.get('role')) as Role,
      label: String(data.get('label') ?? '').trim(),
      maxUses: Number(data.get('maxUses')),
      validForHours: Number(data.get('validForHours')),
    };
    setBusy(true);
    try {
      const issued = await submission.run((key) => createInvite(campId, invite, key), invite);
      const link = issued.link ?? (issued.token ? `${location.origin}/join#${issued.token}` : null);
      setResult(link ? { link } : { retried: true });
      (form.current!.elements.namedItem('label') as HTMLInputElement).value = '';
      created(issued.invite);
    } catch (error) {
      errors.show(error);
      setTimeout(() => focusFirstInvalid(form.current));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <form ref={form} class="card form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)}>
        <h3 id={headingId}>{t('invites.create')}</h3>
        <Field label={t('invites.role')} error={errors.of('Role')}>
          {(c) => (
            <select {...c} name="role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              {roles.map((r) => <option key={r} value={r}>{roleName(r)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('invites.label')} hint={t('invites.labelHint')} error={errors.of('Label')}>
          {(c) => <input {...c} name="label" required maxLength={80} dir="auto" />}
        </Field>
        <div class="row">
          <Field label={t('invites.maxUses')} hint={t('invites.maxUsesHint')} error={errors.of('MaxUses')}>
            {/* Follows the role with a sensible number of uses until the organizer types their own. */}
            {(c) => <input {...c} type="number" name="maxUses" required min={1} max={1000} inputMode="numeric"
              value={uses ?? suggestedUses(role)} onInput={(e) => setUses(Number(e.currentTarget.value))} />}
          </Field>
          <Field label={t('invites.validFor')} error={errors.of('ValidForHours')}>
            {(c) => <input {...c} type="number" name="validForHours" required min={1} max={1440} defaultValue="168" inputMode="numeric" />}
          </Field>
        </div>
        <Message text={errors.message.value} />
        <div class="actions"><SubmitButton busy={busy} idle={t('invites.create')} busyText={t('invites.busy')} testId="invite-create" /></div>
      </form>
      <div class="invite-result">
        {result && ('link' in result ? <InviteLink link={result.link} />
          : <p class="message message-info" tabIndex={-1} ref={(p) => p?.focus()}>{t('invites.retried')}</p>)}
      </div>
    </div>
  );
}
