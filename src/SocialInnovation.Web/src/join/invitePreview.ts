import { previewInvite } from '../api/invites';
import type { InvitePreview } from '../api/types';

let started: { token: string; preview: Promise<InvitePreview> } | null = null;

/** The invite token from /join#<token>; the fragment never reaches the server's logs. */
export const inviteToken = (): string => decodeURIComponent(location.hash.replace(/^#/, '')).trim();

/** Asks for the invite's preview as soon as the route matches, before the page's code has arrived. */
export function prefetchInvite(): void {
  const token = inviteToken();
  if (token && started?.token !== token) started = { token, preview: previewInvite(token) };
}

/** The preview already asked for, or a new request. Used once: a later visit asks again. */
export function invitePreview(token: string): Promise<InvitePreview> {
  const found = started?.token === token ? started.preview : previewInvite(token);
  started = null;
  return found;
}
