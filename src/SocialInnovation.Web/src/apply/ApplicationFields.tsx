import { countryName, t } from '../i18n';
import { privacyInReadersLanguage } from './privacyText';
import type { ApplicationForm } from '../api/applications';
import { Field } from '../ui/Field';
import type { FormErrors } from '../ui/formErrors';

/** The server's names of the form's fields, for errors shown in place. */
export const fieldNames = ['Form.Name', 'Form.Email', 'Form.Country', 'Form.City', 'Form.Organisation', 'Form.Role',
  'Form.Skills', 'Form.Languages', 'Form.Motivation', 'Form.HeardFrom', 'Form.Consent', 'Form.MailLanguage'];

const list = (value: FormDataEntryValue | null): string[] =>
  String(value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** What the form element holds, as the API takes it. */
export function readForm(form: HTMLFormElement): ApplicationForm {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  return {
    name: text('name'), email: text('email'), country: text('country'), city: text('city'),
    organisation: text('organisation'), role: text('role'), skills: list(data.get('skills')),
    languages: list(data.get('languages')), motivation: text('motivation'), heardFrom: text('heardFrom'),
    consent: data.get('consent') === 'on', mailLanguage: text('mailLanguage') === 'ru' ? 'ru' : 'en',
  };
}

/** The application's fields, phone-first: one column, native controls, each error under its field. */
export function ApplicationFields({ errors, countries, privacyText, initial, emailFixed }: {
  errors: FormErrors; countries: string[]; privacyText: string; initial?: ApplicationForm; emailFixed?: boolean;
}) {
  const e = (name: string) => errors.of(`Form.${name}`);
  const mailLanguage = initial?.mailLanguage ?? (document.documentElement.lang === 'ru' ? 'ru' : 'en');
  return (
    <>
      <Field label={t('apply.name')} error={e('Name')}>
        {(c) => <input {...c} name="name" required minLength={2} maxLength={80} autoComplete="name" dir="auto" defaultValue={initial?.name} data-testid="apply-name" />}
      </Field>
      <Field label={t('apply.email')} hint={emailFixed ? t('apply.emailFixed') : t('apply.emailHint')} error={e('Email')}>
        {(c) => <input {...c} name="email" type="email" required maxLength={254} autoComplete="email" defaultValue={initial?.email} readOnly={emailFixed} data-testid="apply-email" />}
      </Field>
      <Field label={t('apply.country')} error={e('Country')}>
        {(c) => (
          <select {...c} name="country" required data-testid="apply-country">
            {/* Uncontrolled, like every field here: a re-render after a refusal keeps what was typed. */}
            <option value="" disabled selected={!initial}>{t('apply.choose')}</option>
            {countries.map((code) => <option value={code} selected={code === initial?.country}>{countryName(code)}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('apply.city')} error={e('City')}>
        {(c) => <input {...c} name="city" required maxLength={80} autoComplete="address-level2" dir="auto" defaultValue={initial?.city} data-testid="apply-city" />}
      </Field>
      <Field label={t('apply.organisation')} error={e('Organisation')}>
        {(c) => <input {...c} name="organisation" maxLength={120} autoComplete="organization" dir="auto" defaultValue={initial?.organisation} />}
      </Field>
      <Field label={t('apply.role')} hint={t('apply.roleHint')} error={e('Role')}>
        {(c) => <input {...c} name="role" required maxLength={80} dir="auto" defaultValue={initial?.role} data-testid="apply-role" />}
      </Field>
      <Field label={t('apply.skills')} hint={t('apply.listHint')} error={e('Skills')}>
        {(c) => <input {...c} name="skills" dir="auto" defaultValue={initial?.skills.join(', ')} />}
      </Field>
      <Field label={t('apply.languages')} hint={t('apply.listHint')} error={e('Languages')}>
        {(c) => <input {...c} name="languages" required dir="auto" defaultValue={initial?.languages.join(', ')} data-testid="apply-languages" />}
      </Field>
      <Field label={t('apply.motivation')} hint={t('apply.motivationHint')} error={e('Motivation')}>
        {(c) => <textarea {...c} name="motivation" required minLength={20} maxLength={2000} rows={5} dir="auto" defaultValue={initial?.motivation} data-testid="apply-motivation" />}
      </Field>
      <Field label={t('apply.heardFrom')} error={e('HeardFrom')}>
        {(c) => <input {...c} name="heardFrom" maxLength={120} dir="auto" defaultValue={initial?.heardFrom} />}
      </Field>
      <Field label={t('apply.mailLanguage')} error={e('MailLanguage')}>
        {(c) => (
          <select {...c} name="mailLanguage">
            <option value="en" selected={mailLanguage === 'en'}>English</option>
            <option value="ru" selected={mailLanguage === 'ru'} lang="ru">Русский</option>
          </select>
        )}
      </Field>
      <p class="muted" dir="auto">{privacyInReadersLanguage(privacyText)}</p>
      <Field label={t('apply.consent')} error={e('Consent')}>
        {(c) => <input {...c} name="consent" type="checkbox" required defaultChecked={initial?.consent} data-testid="apply-consent" />}
      </Field>
    </>
  );
}
