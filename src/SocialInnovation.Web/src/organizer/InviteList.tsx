import { useEffect, useRef, useState } from 'preact/hooks';
import { formatMoment, formatNumber, roleName, t } from '../i18n';
import { listInvites, revokeInvite } from '../api/invites';
import type { InviteSummary } from '../api/types';
import { describe } from '../ui/describe';
import { Empty, Loading, Message } from '../ui/Message';
import { User } from '../ui/text';

/** The camp's invites, newest first, each revocable until it is revoked or expired. */
export function InviteList({ campId, created }: { campId: string; created: InviteSummary | null }) {
  const [invites, setInvites] = useState<InviteSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    listInvites(campId).then(setInvites, (failure: unknown) => {
      setInvites([]);
      setError(describe(failure));
    });
  }, [campId]);

  useEffect(() => {
    if (created) setInvites((now) => [created, ...(now ?? []).filter((i) => i.inviteId !== created.inviteId)]);
  }, [created]);

  async function revoke(invite: InviteSummary): Promise<void> {
    setError(null);
    setRevoking(invite.inviteId);
    try {
      const revoked = await revokeInvite(campId, invite.inviteId);
      setInvites((now) => (now ?? []).map((i) => (i.inviteId === revoked.inviteId ? revoked : i)));
      // The pressed button is gone; the list keeps keyboard users where they were.
      list.current?.focus();
    } catch (failure) {
      setError(describe(failure));
    } finally {
      setRevoking(null);
    }
  }

  const sorted = [...(invites ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div>
      <Message text={error} />
      <div ref={list} tabIndex={-1}>
        {!invites ? <Loading text={t('invites.loading')} />
          : sorted.length === 0 ? <Empty>{t('invites.empty')}</Empty>
          : <ul class="invites">{sorted.map((invite) => {
            const expired = new Date(invite.expiresAt).getTime() <= Date.now();
            const inactive = invite.revoked || expired;
            const state = invite.revoked ? t('invites.revoked') : expired ? t('invites.expired')
              : t('invites.expires', { date: formatMoment(invite.expiresAt) });
            return (
              <li key={invite.inviteId} class={`invite${inactive ? ' inactive' : ''}`}>
                <div><strong><User>{invite.label}</User></strong> · {roleName(invite.role)}</div>
                <div class="muted">{t('invites.uses', { uses: formatNumber(invite.uses), max: formatNumber(invite.maxUses) })} · {state}</div>
                {!inactive && (
                  <button type="button" class="secondary small" disabled={revoking === invite.inviteId}
                    aria-label={t('invites.revokeLabel', { label: invite.label })} onClick={() => void revoke(invite)}>
                    {t('invites.revoke')}
                  </button>
                )}
              </li>
            );
          })}</ul>}
      </div>
    </div>
  );
}
