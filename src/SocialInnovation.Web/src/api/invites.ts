import { del, get, post } from './http';
import type { InviteIssued, InvitePreview, InviteRedeemed, InviteSummary, NewInvite } from './types';

const invites = (campId: string) => `/api/camps/${encodeURIComponent(campId)}/invites`;

export const previewInvite = (token: string) => post<InvitePreview>('/api/invites/preview', { token });

/** Name may be null only when the person is already signed in. */
export const redeemInvite = (token: string, name: string | null) =>
  post<InviteRedeemed>('/api/invites/redeem', { token, name });

export const createInvite = (campId: string, invite: NewInvite, idempotencyKey: string) =>
  post<InviteIssued>(invites(campId), { ...invite, idempotencyKey });

export const listInvites = (campId: string) => get<InviteSummary[]>(invites(campId));

export const revokeInvite = (campId: string, inviteId: string) =>
  del<InviteSummary>(`${invites(campId)}/${encodeURIComponent(inviteId)}`);
