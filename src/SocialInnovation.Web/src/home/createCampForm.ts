import { h, uid } from '../ui/dom';
import { busy, field, FormErrors, type Field } from '../ui/form';
import { languageName, t } from '../i18n';
import { createCamp } from '../api/camps';
import { IdempotentSubmission } from '../api/idempotency';
import type { CampDetails } from '../api/types';
import { currentMe } from '../session/current';
import { navigate } from '../router';

const languages = ['en', 'ru', 'kk', 'ky', 'tg', 'uz'] as const;
const input = (attrs: Record<string, string | number | boolean>) => h('input', attrs);

export function createCampSection(): HTMLElement {
  const errors = new FormErrors();
  const f = (server: string, label: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: string) =>
    errors.bind(`Details.${server}`, field(label, control, hint));

  const name = f('Name', t('create.name'), input({ name: 'name', required: true, minlength: 3, maxlength: 120 }));
  const location = f('Location', t('create.location'), input({ name: 'location', required: true, minlength: 2, maxlength: 120 }));
  const startsOn = f('StartsOn', t('create.startsOn'), input({ type: 'date', name: 'startsOn', required: true }));
  const endsOn = f('EndsOn', t('create.endsOn'), input({ type: 'date', name: 'endsOn', required: true }));
  const capacity = f('Capacity', t('create.capacity'), input({ type: 'number', name: 'capacity', required: true, min: 1, max: 10000, value: 60, inputmode: 'numeric' }));
  const countries = f('Countries', t('create.countries'), input({ name: 'countries', required: true, autocapitalize: 'characters', placeholder: 'KZ, KG, TJ, UZ, AF' }), t('create.countriesHint'));
  const langs = languageChoice();
  errors.bind('Details.Languages', langs);
  const themes = f('Themes', t('create.themes'), h('textarea', { name: 'themes', rows: 5 }, t('create.defaultThemes')), t('create.themesHint'));

  const submit = h('button', { type: 'submit', 'data-testid': 'camp-create' }, t('create.submit'));
  const heading = h('h2', { id: uid('create') }, t('create.title'));
  const form = h('form', { class: 'card form', 'aria-labelledby': heading.id },
    name.wrapper, location.wrapper,
    h('div', { class: 'row' }, startsOn.wrapper, endsOn.wrapper),
    capacity.wrapper, countries.wrapper, langs.wrapper, themes.wrapper,
    errors.region, h('div', { class: 'actions' }, submit),
  );

  const submission = new IdempotentSubmission();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    errors.clear();
    const details: CampDetails = {
      name: name.control.value.trim(),
      location: location.control.value.trim(),
      startsOn: startsOn.control.value,
      endsOn: endsOn.control.value,
      capacity: Number(capacity.control.value),
      countries: splitList(countries.control.value, /[\s,;]+/).map((c) => c.toUpperCase()),
      languages: [...langs.wrapper.querySelectorAll<HTMLInputElement>('input:checked')].map((c) => c.value),
      themes: splitList(themes.control.value, /\r?\n/),
    };
    void busy(submit, t('create.busy'), async () => {
      try {
        const camp = await submission.run((key) => createCamp(details, key));
        await currentMe(true).catch(() => null);
        navigate(`/camps/${camp.campId}`);
      } catch (error) {
        errors.show(error);
      }
    });
  });
  return h('section', { class: 'create-camp' }, heading, form);
}

function splitList(text: string, separator: RegExp): string[] {
  return text.split(separator).map((s) => s.trim()).filter(Boolean);
}

function languageChoice(): Field {
  const error = h('p', { class: 'field-error', id: uid('err') });
  const boxes = languages.map((code) => {
    const box = h('input', { type: 'checkbox', name: 'languages', value: code, checked: code === 'en' || code === 'ru', id: uid('lang') });
    return h('label', { class: 'check', for: box.id }, box, ' ', languageName(code));
  });
  const wrapper = h('fieldset', { class: 'field checks', 'aria-describedby': error.id },
    h('legend', {}, t('create.languages')), ...boxes, error);
  return { wrapper, control: wrapper.querySelector('input')!, error };
}
