import { h } from '../ui/dom';
import { busy, field, FormErrors } from '../ui/form';
import { pageTitle } from '../ui/layout';
import { t } from '../i18n';
import { signInOrganizer } from '../api/session';
import { setMe } from './current';
import { navigate } from '../router';

export function signinPage(root: HTMLElement): void {
  pageTitle(t('signin.title'));
  const errors = new FormErrors();
  const key = errors.bind('Key', field(
    t('signin.key'),
    h('input', { type: 'password', name: 'key', required: true, autocomplete: 'current-password', 'data-testid': 'signin-key' }),
    t('signin.hint'),
  ));
  const submit = h('button', { type: 'submit', 'data-testid': 'signin-submit' }, t('signin.submit'));
  const form = h('form', { class: 'card form' }, key.wrapper, errors.region, h('div', { class: 'actions' }, submit));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    errors.clear();
    void busy(submit, t('signin.busy'), async () => {
      try {
        setMe(await signInOrganizer(key.control.value));
        navigate('/', { replace: true });
      } catch (error) {
        errors.show(error);
        key.control.focus();
      }
    });
  });

  root.append(h('h1', {}, t('signin.title')), form);
  key.control.focus();
}
