import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { languageName, t } from '../i18n';
import { createCamp } from '../api/camps';
import { IdempotentSubmission } from '../api/idempotency';
import type { CampDetails } from '../api/types';
import { currentMe } from '../session/current';
import { navigate } from '../router';
import { Field, SubmitButton } from '../ui/Field';
import { FormErrors, focusFirstInvalid } from '../ui/formErrors';
import { Message } from '../ui/Message';

const languages = ['en', 'ru', 'kk', 'ky', 'tg', 'uz'] as const;
const fieldNames = ['Name', 'Location', 'StartsOn', 'EndsOn', 'Capacity', 'Countries', 'Languages', 'Themes'].map((n) => `Details.${n}`);

export function CreateCampForm() {
  const errors = useMemo(() => new FormErrors(fieldNames), []);
  const submission = useMemo(() => new IdempotentSubmission('create-camp'), []);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const headingId = useId();
  const langsErrorId = useId();
  const err = (name: string) => errors.of(`Details.${name}`);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    errors.clear();
    const data = new FormData(form.current!);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const details: CampDetails = {
      name: text('name'),
      location: text('location'),
      startsOn: text('startsOn'),
      endsOn: text('endsOn'),
      capacity: Number(text('capacity')),
      countries: splitList(text('countries'), /[\s,;]+/).map((c) => c.toUpperCase()),
      languages: data.getAll('languages').map(String),
      themes: splitList(text('themes'), /\r?\n/),
    };
    setBusy(true);
    try {
      const camp = await submission.run((key) => createCamp(details, key), details);
      await currentMe(true).catch(() => null);
      navigate(`/camps/${camp.campId}`);
    } catch (error) {
      errors.show(error);
      setBusy(false);
      setTimeout(() => focusFirstInvalid(form.current));
    }
  }

  return (
    <section class="create-camp">
      <h2 id={headingId}>{t('create.title')}</h2>
      <form ref={form} class="card form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)}>
        <Field label={t('create.name')} error={err('Name')}>
          {(c) => <input {...c} name="name" required minLength={3} maxLength={120} dir="auto" />}
        </Field>
        <Field label={t('create.location')} error={err('Location')}>
          {(c) => <input {...c} name="location" required minLength={2} maxLength={120} dir="auto" />}
        </Field>
        <div class="row">
          <Field label={t('create.startsOn')} error={err('StartsOn')}>{(c) => <input {...c} type="date" name="startsOn" required />}</Field>
          <Field label={t('create.endsOn')} error={err('EndsOn')}>{(c) => <input {...c} type="date" name="endsOn" required />}</Field>
        </div>
        <Field label={t('create.capacity')} error={err('Capacity')}>
          {(c) => <input {...c} type="number" name="capacity" required min={1} max={10000} defaultValue={60} inputMode="numeric" />}
        </Field>
        <Field label={t('create.countries')} hint={t('create.countriesHint')} error={err('Countries')}>
          {(c) => <input {...c} name="countries" required autoCapitalize="characters" placeholder="KZ, KG, TJ, UZ, AF" />}
        </Field>
        <fieldset class="field checks" aria-describedby={langsErrorId}>
          <legend>{t('create.languages')}</legend>
          {languages.map((code) => (
            <label key={code} class="check">
              <input type="checkbox" name="languages" value={code} defaultChecked={code === 'en' || code === 'ru'}
                aria-invalid={err('Languages') ? 'true' : undefined} /> {languageName(code)}
            </label>
          ))}
          <p class="field-error" id={langsErrorId}>{err('Languages') ?? ''}</p>
        </fieldset>
        <Field label={t('create.themes')} hint={t('create.themesHint')} error={err('Themes')}>
          {(c) => <textarea {...c} name="themes" rows={5} dir="auto" defaultValue={t('create.defaultThemes')} />}
        </Field>
        <Message text={errors.message.value} />
        <div class="actions"><SubmitButton busy={busy} idle={t('create.submit')} busyText={t('create.busy')} testId="camp-create" /></div>
      </form>
    </section>
  );
}

function splitList(text: string, separator: RegExp): string[] {
  return text.split(separator).map((s) => s.trim()).filter(Boolean);
}
