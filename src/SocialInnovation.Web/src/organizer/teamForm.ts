import { h, uid } from '../ui/dom';
import { busy, field, FormErrors } from '../ui/form';
import { empty, messageRegion } from '../ui/status';
import { t } from '../i18n';
import { addTeam } from '../api/camps';
import { IdempotentSubmission } from '../api/idempotency';
import type { CampFeed } from '../live/campFeed';

/** Names a team on one of the camp's themes. */
export function teamForm(campId: string, themes: string[], feed: CampFeed): HTMLElement {
  const heading = h('h2', { id: uid('teams') }, t('teams.add'));
  if (themes.length === 0) return h('section', {}, heading, empty(t('teams.noThemes')));

  const errors = new FormErrors();
  const done = messageRegion('info');
  const name = errors.bind('Name', field(t('teams.name'), h('input', { name: 'name', required: true, minlength: 2, maxlength: 60 })));
  const theme = errors.bind('Theme', field(t('teams.theme'), h('select', { name: 'theme', required: true },
    themes.map((th) => h('option', { value: th }, th)))));
  const submit = h('button', { type: 'submit' }, t('teams.submit'));
  const form = h('form', { class: 'card form', 'aria-labelledby': heading.id },
    name.wrapper, theme.wrapper, errors.region, done, h('div', { class: 'actions' }, submit));

  const submission = new IdempotentSubmission();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    errors.clear();
    done.show(null);
    const team = { name: name.control.value.trim(), theme: theme.control.value };
    void busy(submit, t('teams.busy'), async () => {
      try {
        feed.replace(await submission.run((key) => addTeam(campId, team.name, team.theme, key)));
        name.control.value = '';
        done.show(t('teams.added', { name: team.name }));
      } catch (error) {
        errors.show(error);
      }
    });
  });
  return h('section', {}, heading, form);
}
