import { h, replaceChildren } from '../ui/dom';
import { describe, empty, loading, messageRegion } from '../ui/status';
import { formatMoment, roleName, t } from '../i18n';
import { listInvites, revokeInvite } from '../api/invites';
import type { InviteSummary } from '../api/types';

/** The camp's invites, newest first, each revocable until it is revoked or expired. */
export function inviteList(campId: string): { element: HTMLElement; add(invite: InviteSummary): void } {
  const list = h('div', {}, loading(t('invites.loading')));
  const errors = messageRegion('error');
  let invites: InviteSummary[] = [];

  const render = () => {
    const sorted = [...invites].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    replaceChildren(list, sorted.length === 0 ? empty(t('invites.empty')) : h('ul', { class: 'invites' }, sorted.map(row)));
  };

  const row = (invite: InviteSummary) => {
    const expired = new Date(invite.expiresAt).getTime() <= Date.now();
    const state = invite.revoked ? t('invites.revoked') : expired ? t('invites.expired') : t('invites.expires', { date: formatMoment(invite.expiresAt) });
    const revoke = invite.revoked || expired ? null : h('button', {
      type: 'button',
      class: 'secondary small',
      'aria-label': t('invites.revokeLabel', { label: invite.label }),
      onclick: (event: Event) => void revokeOne(invite, event.currentTarget as HTMLButtonElement),
    }, t('invites.revoke'));
    return h('li', { class: `invite${invite.revoked || expired ? ' inactive' : ''}` },
      h('div', {}, h('strong', {}, invite.label), ' · ', roleName(invite.role)),
      h('div', { class: 'muted' }, t('invites.uses', { uses: invite.uses, max: invite.maxUses }), ' · ', state),
      revoke);
  };

  async function revokeOne(invite: InviteSummary, button: HTMLButtonElement): Promise<void> {
    errors.show(null);
    button.disabled = true;
    try {
      const revoked = await revokeInvite(campId, invite.inviteId);
      invites = invites.map((i) => (i.inviteId === revoked.inviteId ? revoked : i));
      render();
      list.focus();
    } catch (error) {
      button.disabled = false;
      errors.show(describe(error));
    }
  }

  list.tabIndex = -1;
  listInvites(campId).then(
    (loaded) => {
      invites = loaded;
      render();
    },
    (error: unknown) => {
      replaceChildren(list);
      errors.show(describe(error));
    },
  );

  return {
    element: h('div', {}, errors, list),
    add(invite) {
      invites = [invite, ...invites.filter((i) => i.inviteId !== invite.inviteId)];
      render();
    },
  };
}
