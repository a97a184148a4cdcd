import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { addTeam } from '../api/camps';
import { IdempotentSubmission } from '../api/idempotency';
import type { CampFeed } from '../live/campFeed';
import { Field, SubmitButton } from '../ui/Field';
import { FormErrors, focusFirstInvalid } from '../ui/formErrors';
import { Empty, Message } from '../ui/Message';

/** Names a team on one of the camp's themes. */
export function TeamForm({ campId, themes, feed }: { campId: string; themes: string[]; feed: CampFeed }) {
  const errors = useMemo(() => new FormErrors(['Name', 'Theme']), []);
  const submission = useMemo(() => new IdempotentSubmission(`team:${campId}`), [campId]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const headingId = useId();

  if (themes.length === 0) return <section><h2 id={headingId}>{t('teams.add')}</h2><Empty>{t('teams.noThemes')}</Empty></section>;

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    errors.clear();
    setDone(null);
    const data = new FormData(form.current!);
    const team = { name: String(data.get('name') ?? '').trim(), theme: String(data.get('theme')) };
    setBusy(true);
    try {
      feed.replace(await submission.run((key) => addTeam(campId, team.name, team.theme, key), team));
      (form.current!.elements.namedItem('name') as HTMLInputElement).value = '';
      setDone(t('teams.added', { name: team.name }));
    } catch (error) {
      errors.show(error);
      setTimeout(() => focusFirstInvalid(form.current));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h2 id={headingId}>{t('teams.add')}</h2>
      <form ref={form} class="card form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)}>
        <Field label={t('teams.name')} error={errors.of('Name')}>
          {(c) => <input {...c} name="name" required minLength={2} maxLength={60} dir="auto" />}
        </Field>
        <Field label={t('teams.theme')} error={errors.of('Theme')}>
          {(c) => <select {...c} name="theme" required dir="auto">{themes.map((th) => <option key={th} value={th}>{th}</option>)}</select>}
        </Field>
        <Message text={errors.message.value} />
        <Message kind="info" text={done} />
        <div class="actions"><SubmitButton busy={busy} idle={t('teams.submit')} busyText={t('teams.busy')} /></div>
      </form>
    </section>
  );
}
