import { get, post, request } from './http';
import type { Me, SessionView } from './types';

/**
 * The signed-in person, or null when nobody is signed in. Asked of /api/session, which answers a visitor
 * with { me: null }: /api/me's 401 would put an error in the console of every signed-out visit.
 */
export async function loadMe(): Promise<Me | null> {
  return (await get<SessionView>('/api/session')).me ?? null;
}

export const signInOrganizer = (key: string) => post<Me>('/api/session/organizer', { key });
export const signOut = () => post<void>('/api/session/signout');
export const chooseLanguage = (language: string) => request<void>('PUT', '/api/me/language', { language });
/** Ends every session of the signed-in person (a phone left behind at a camp included). */
export const signOutEverywhere = () => post<void>('/api/session/signout-everywhere');
