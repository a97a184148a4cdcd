import { h, replaceChildren } from '../ui/dom';
import { busy, field, FormErrors } from '../ui/form';
import { pageTitle } from '../ui/layout';
import { describe, loading, messageRegion } from '../ui/status';
import { formatMoment, roleName, t } from '../i18n';
import { ApiProblem } from '../api/http';
import { IdempotentSubmission } from '../api/idempotency';
import { previewInvite, redeemInvite } from '../api/invites';
import type { InvitePreview, Me } from '../api/types';
import { currentMe } from '../session/current';
import { navigate } from '../router';

/** /join#<token>: the token stays in the fragment, which browsers never send to the server. */
export function joinPage(root: HTMLElement): void {
  pageTitle(t('join.title'));
  const token = decodeURIComponent(location.hash.replace(/^#/, '')).trim();
  const body = h('div', {}, loading(t('join.loading')));
  root.append(h('h1', {}, t('join.title')), body);

  if (!token) {
    replaceChildren(body, problem(t('join.noToken')));
    return;
  }
  Promise.all([previewInvite(token), currentMe().catch(() => null)]).then(
    ([preview, me]) => replaceChildren(body, joinForm(token, preview, me)),
    (error: unknown) => replaceChildren(body, problem(previewProblem(error))),
  );
}

// A malformed token (cut off when copied, say) is refused as invalid input; to the reader it is just a bad link.
const previewProblem = (error: unknown): string =>
  error instanceof ApiProblem && error.status === 400 ? t('error.invite.unknown') : describe(error);

function problem(text: string): HTMLElement {
  const region = messageRegion('error');
  region.show(text);
  return region;
}

function joinForm(token: string, preview: InvitePreview, me: Me | null): HTMLElement {
  const errors = new FormErrors();
  const summary = h('div', { class: 'card' },
    h('p', { class: 'lead' }, t('join.invitedAs', { camp: preview.campName, role: roleName(preview.role) })),
    preview.label ? h('p', {}, t('join.label', { label: preview.label })) : null,
    h('p', { class: 'muted' }, t('join.expires', { date: formatMoment(preview.expiresAt) })),
  );

  const name = me ? null : errors.bind('Name', field(
    t('join.name'),
    h('input', { type: 'text', name: 'name', required: true, minlength: 2, maxlength: 60, autocomplete: 'name', 'data-testid': 'join-name' }),
    t('join.nameHint'),
  ));
  const submit = h('button', { type: 'submit', 'data-testid': 'join-submit' }, t('join.submit'));
  const form = h('form', { class: 'form' },
    name?.wrapper ?? h('p', {}, t('join.signedInAs', { name: me!.name })),
    errors.region,
    h('div', { class: 'actions' }, submit),
  );

  const submission = new IdempotentSubmission();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    errors.clear();
    void busy(submit, t('join.busy'), async () => {
      try {
        const joined = await submission.run((key) => redeemInvite(token, name ? name.control.value.trim() : null, key));
        await currentMe(true).catch(() => null);
        navigate(`/camps/${joined.campId}`, { replace: true });
      } catch (error) {
        errors.show(error);
      }
    });
  });
  return h('div', {}, summary, form);
}
