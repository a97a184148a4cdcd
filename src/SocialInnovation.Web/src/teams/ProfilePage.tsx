import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useCamp } from '../camp/useCamp';
import { countryName, t } from '../i18n';
import { useRole } from '../intake/useRole';
import type { PageProps } from '../router';
import { describe } from '../ui/describe';
import { Field, SubmitButton } from '../ui/Field';
import { FormErrors, focusFirstInvalid } from '../ui/formErrors';
import { Loading, Message } from '../ui/Message';
import { usePageTitle } from '../ui/usePageTitle';
import { myProfile, saveProfile, type MyProfile } from './teamsApi';

const fieldNames = ['Country', 'Skills', 'Languages'];

const list = (value: FormDataEntryValue | null): string[] =>
  String(value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/**
 * /camps/<id>/profile (participants): one's country, skills and languages, which "Suggest teams" mixes
 * teams by. Someone who applied starts from their application's answers; someone who joined by an invite
 * link starts empty, and until they fill it in the planner knows only their name.
 */
export default function ProfilePage({ params }: PageProps) {
  const campId = params.campId;
  const camp = useCamp(campId);
  const role = useRole(campId);
  const [profile, setProfile] = useState<MyProfile | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useMemo(() => new FormErrors(fieldNames), []);
  const form = useRef<HTMLFormElement>(null);
  usePageTitle(t('profile.title'));

  useEffect(() => {
    if (role === 'Participant') myProfile(campId).then(setProfile, (error: unknown) => setFailure(describe(error)));
  }, [campId, role]);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    errors.clear();
    setSaved(false);
    const data = new FormData(form.current!);
    setBusy(true);
    try {
      setProfile(await saveProfile(campId, {
        country: String(data.get('country') ?? ''), skills: list(data.get('skills')), languages: list(data.get('languages')),
      }));
      setSaved(true);
    } catch (error) {
      errors.show(error);
      setTimeout(() => focusFirstInvalid(form.current));
    } finally {
      setBusy(false);
    }
  }

  if (camp.failure.value || failure) return <Message text={camp.failure.value ?? failure} />;
  if (!camp.snapshot.value || role === undefined) return <Loading text={t('camp.loading')} />;
  if (role !== 'Participant') return <Message text={t('profile.participantsOnly')} />;
  if (!profile) return <Loading text={t('profile.loading')} />;
  const current = profile.profile;
  const countries = [...new Set([...camp.snapshot.value.details.countries, ...(current.country ? [current.country] : [])])];
  return (
    <div class="profile-page">
      <h1>{t('profile.title')}</h1>
      <p><a href={`/camps/${campId}/teams`}>{t('profile.back')}</a></p>
      <p class="hint">{t(profile.saved ? 'profile.why' : current.country ? 'profile.fromApplication' : 'profile.empty')}</p>
      <form ref={form} class="form" onSubmit={(e) => void submit(e)} noValidate data-testid="profile-form">
        <Field label={t('apply.country')} error={errors.of('Country')}>
          {(c) => (
            <select {...c} name="country" required data-testid="profile-country">
              <option value="" disabled selected={!current.country}>{t('apply.choose')}</option>
              {countries.map((code) => <option key={code} value={code} selected={code === current.country}>{countryName(code)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('profile.skills')} hint={t('profile.skillsHint')} error={errors.of('Skills')}>
          {(c) => <input {...c} name="skills" required dir="auto" defaultValue={current.skills.join(', ')} data-testid="profile-skills" />}
        </Field>
        <Field label={t('apply.languages')} hint={t('apply.listHint')} error={errors.of('Languages')}>
          {(c) => <input {...c} name="languages" required dir="auto" defaultValue={current.languages.join(', ')} data-testid="profile-languages" />}
        </Field>
        <SubmitButton busy={busy} idle={t('profile.save')} busyText={t('profile.saving')} testId="profile-save" />
      </form>
      <Message text={errors.message.value} />
      <Message kind="info" text={saved ? t('profile.saved') : null} />
    </div>
  );
}
