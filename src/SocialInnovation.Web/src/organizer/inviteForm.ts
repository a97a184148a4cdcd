import { h, replaceChildren, uid } from '../ui/dom';
import { busy, field, FormErrors } from '../ui/form';
import { roleName, t } from '../i18n';
import { createInvite } from '../api/invites';
import { IdempotentSubmission } from '../api/idempotency';
import { roles, type InviteSummary, type Role } from '../api/types';
import { inviteLink } from './inviteLink';

const suggestedUses = (role: Role) => (role === 'Participant' ? 60 : 1);

/** Creates an invite and shows its link once: the server keeps only a hash of the token. */
export function inviteForm(campId: string, created: (invite: InviteSummary) => void): HTMLElement {
  const errors = new FormErrors();
  const role = errors.bind('Role', field(t('invites.role'), h('select', { name: 'role' },
    roles.map((r) => h('option', { value: r }, roleName(r))))));
  const label = errors.bind('Label', field(t('invites.label'),
    h('input', { name: 'label', required: true, maxlength: 80 }), t('invites.labelHint')));
  const maxUses = errors.bind('MaxUses', field(t('invites.maxUses'),
    h('input', { type: 'number', name: 'maxUses', required: true, min: 1, max: 1000, value: suggestedUses('Participant'), inputmode: 'numeric' }),
    t('invites.maxUsesHint')));
  const validFor = errors.bind('ValidForHours', field(t('invites.validFor'),
    h('input', { type: 'number', name: 'validForHours', required: true, min: 1, max: 1440, value: 168, inputmode: 'numeric' })));

  // Follow the role with a sensible number of uses until the organizer types their own.
  let usesTouched = false;
  maxUses.control.addEventListener('input', () => (usesTouched = true));
  role.control.addEventListener('change', () => {
    if (!usesTouched) maxUses.control.value = String(suggestedUses(role.control.value as Role));
  });

  const result = h('div', { class: 'invite-result' });
  const submit = h('button', { type: 'submit', 'data-testid': 'invite-create' }, t('invites.create'));
  const heading = h('h3', { id: uid('invite') }, t('invites.create'));
  const form = h('form', { class: 'card form', 'aria-labelledby': heading.id },
    heading, role.wrapper, label.wrapper, h('div', { class: 'row' }, maxUses.wrapper, validFor.wrapper),
    errors.region, h('div', { class: 'actions' }, submit));

  const submission = new IdempotentSubmission();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    errors.clear();
    replaceChildren(result);
    const invite = {
      role: role.control.value as Role,
      label: label.control.value.trim(),
      maxUses: Number(maxUses.control.value),
      validForHours: Number(validFor.control.value),
    };
    void busy(submit, t('invites.busy'), async () => {
      try {
        const issued = await submission.run((key) => createInvite(campId, invite, key));
        const link = issued.link ?? (issued.token ? `${location.origin}/join#${issued.token}` : null);
        replaceChildren(result, link ? inviteLink(link) : h('p', { class: 'message message-info', tabindex: -1 }, t('invites.retried')));
        result.querySelector<HTMLElement>('h3, p')?.focus();
        label.control.value = '';
        created(issued.invite);
      } catch (error) {
        errors.show(error);
      }
    });
  });
  return h('div', {}, form, result);
}
