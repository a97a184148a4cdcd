import { del, get, post } from './http';
import type { InviteIssued, InvitePreview, InviteRedeemed, InviteSummary, NewInvite } from './types';

const invites = (campId: string) => `/api/camps/${encodeURIComponent(campId)}/invites`;

export const previewInvite = (token: string) => post<InvitePreview>('/api/invites/preview', { token });

/**
 * Name may be null only when the person is already signed in. The key makes a retry after a lost
 * answer join the same person once, instead of using the invite up for a second, unknown person.
 */
export const redeemInvite = (token: string, name: string | null, idempotencyKey: string) =>
  post<InviteRedeemed>('/api/invites/redeem', { token, name, idempotencyKey });

export const createInvite = (campId: string, invite: NewInvite, idempotencyKey: string) =>
  post<InviteIssued>(invites(campId), { ...invite, idempotencyKey });

export const listInvites = (campId: string) => get<InviteSummary[]>(invites(campId));

export const revokeInvite = (campId: string, inviteId: string) =>
  del<InviteSummary>(`${invites(campId)}/${encodeURIComponent(inviteId)}`);
