import { ApiProblem, get, post, request } from './http';
import type { Me } from './types';

/** The signed-in person, or null when nobody is signed in. */
export async function loadMe(): Promise<Me | null> {
  try {
    return await get<Me>('/api/me');
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return null;
    throw error;
  }
}

export const signInOrganizer = (key: string) => post<Me>('/api/session/organizer', { key });
export const signOut = () => post<void>('/api/session/signout');
export const chooseLanguage = (language: string) => request<void>('PUT', '/api/me/language', { language });
/** Ends every session of the signed-in person (a phone left behind at a camp included). */
export const signOutEverywhere = () => post<void>('/api/session/signout-everywhere');
