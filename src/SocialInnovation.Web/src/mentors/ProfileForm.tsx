import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { Field } from '../ui/Field';
import { FormErrors } from '../ui/formErrors';
import { Message } from '../ui/Message';
import { newKey, saveProfile, type MentorCalendar } from './mentorsApi';

const list = (text: string) => text.split(/[\s,]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);

/** The mentor's profile: expertise tags, languages, a short bio, availability. */
export function ProfileForm({ campId, calendar, saved }: { campId: string; calendar: MentorCalendar | null; saved(c: MentorCalendar): void }) {
  const profile = calendar?.profile;
  const [tags, setTags] = useState(profile?.tags.join(', ') ?? '');
  const [languages, setLanguages] = useState(profile?.languages.join(', ') ?? '');
  const [bio, setBio] = useState(profile?.bio ?? '');
  const [availability, setAvailability] = useState(profile?.availability ?? '');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [errors] = useState(() => new FormErrors(['tags', 'languages', 'bio', 'availability']));

  return (
    <form class="card" aria-labelledby="profile-title" onSubmit={(e) => {
      e.preventDefault();
      setBusy(true);
      setDone(null);
      errors.clear();
      saveProfile(campId, { tags: list(tags), languages: list(languages), bio, availability, basedOnVersion: calendar?.version ?? 0 }, newKey())
        .then((c) => { saved(c); setDone(t('mentors.profileSaved')); }, (err: unknown) => errors.show(err))
        .finally(() => setBusy(false));
    }}>
      <h2 id="profile-title">{t('mentors.profile')}</h2>
      <Field label={t('mentors.expertise')} hint={t('mentors.tagsHint')} error={errors.of('tags')}>
        {(c) => <input {...c} value={tags} required onInput={(e) => setTags(e.currentTarget.value)} data-testid="profile-tags" />}
      </Field>
      <Field label={t('mentors.languages')} hint={t('mentors.languagesHint')} error={errors.of('languages')}>
        {(c) => <input {...c} value={languages} required onInput={(e) => setLanguages(e.currentTarget.value)} data-testid="profile-languages" />}
      </Field>
      <Field label={t('mentors.bio')} error={errors.of('bio')}>
        {(c) => <textarea {...c} rows={3} maxLength={1000} dir="auto" value={bio} onInput={(e) => setBio(e.currentTarget.value)} />}
      </Field>
      <Field label={t('mentors.availability')} error={errors.of('availability')}>
        {(c) => <input {...c} maxLength={200} dir="auto" value={availability} onInput={(e) => setAvailability(e.currentTarget.value)} />}
      </Field>
      <button type="submit" disabled={busy} data-testid="save-profile">{t('mentors.saveProfile')}</button>
      <Message kind="info" text={done} />
      <Message text={errors.message.value} />
    </form>
  );
}
