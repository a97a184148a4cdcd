import { get, post, request } from '../api/http';
import type { Schema } from '../api/types';

// Mentors, office hours, the help queue and sessions (MentorsApi, HelpQueueApi, SessionsApi, OverviewApi).
export type MentorCalendar = Schema<'MentorCalendar'>;
export type OfficeHourSlot = Schema<'OfficeHourSlot'>;
export type QueueView = Schema<'QueueView'>;
export type HelpRequest = Schema<'HelpRequest'>;
export type TeamSessions = Schema<'TeamSessions'>;
export type MentorSession = Schema<'MentorSession'>;
export type TakenRequest = Schema<'TakenRequest'>;
export type MentoringOverview = Schema<'MentoringOverview'>;

const camp = (campId: string) => `/api/camps/${encodeURIComponent(campId)}`;
const team = (campId: string, teamId: string) => `${camp(campId)}/teams/${encodeURIComponent(teamId)}`;
const session = (campId: string, teamId: string, sessionId: string) => `${team(campId, teamId)}/sessions/${encodeURIComponent(sessionId)}`;

export const listMentors = (campId: string) => get<MentorCalendar[]>(`${camp(campId)}/mentors`);
export const myCalendar = (campId: string) => get<MentorCalendar>(`${camp(campId)}/mentors/me`);
export const saveProfile = (campId: string, body: { tags: string[]; languages: string[]; bio: string; availability: string; basedOnVersion: number }, idempotencyKey: string) =>
  request<MentorCalendar>('PUT', `${camp(campId)}/mentors/me`, { ...body, idempotencyKey });
export const publishSlot = (campId: string, start: string, minutes: number, idempotencyKey: string) =>
  post<MentorCalendar>(`${camp(campId)}/mentors/me/slots`, { start, minutes, idempotencyKey });
export const removeSlot = (campId: string, slotId: string, idempotencyKey: string) =>
  post<MentorCalendar>(`${camp(campId)}/mentors/me/slots/remove`, { slotId, idempotencyKey });
export const bookSlot = (campId: string, teamId: string, mentorId: string, slotId: string, idempotencyKey: string) =>
  post<MentorCalendar>(`${team(campId, teamId)}/bookings`, { mentorId, slotId, idempotencyKey });
export const cancelBooking = (campId: string, teamId: string, mentorId: string, slotId: string, idempotencyKey: string) =>
  post<MentorCalendar>(`${team(campId, teamId)}/bookings/cancel`, { mentorId, slotId, idempotencyKey });

export const getQueue = (campId: string) => get<QueueView>(`${camp(campId)}/queue`);
export const takeRequest = (campId: string, requestId: string | null, idempotencyKey: string) =>
  post<TakenRequest>(`${camp(campId)}/queue/take`, { requestId, idempotencyKey });
export const raiseHand = (campId: string, teamId: string, topic: string, tags: string[], idempotencyKey: string) =>
  post<HelpRequest>(`${team(campId, teamId)}/queue`, { topic, tags, idempotencyKey });
export const withdrawHand = (campId: string, teamId: string, requestId: string, idempotencyKey: string) =>
  post<HelpRequest>(`${team(campId, teamId)}/queue/withdraw`, { requestId, idempotencyKey });

export const getSessions = (campId: string, teamId: string) => get<TeamSessions>(`${team(campId, teamId)}/sessions`);
export const openSession = (campId: string, teamId: string, topic: string, idempotencyKey: string) =>
  post<MentorSession>(`${team(campId, teamId)}/sessions`, { topic, idempotencyKey });
export const writeNotes = (campId: string, teamId: string, sessionId: string, notes: string, followUp: string, basedOnVersion: number, idempotencyKey: string) =>
  post<MentorSession>(`${session(campId, teamId, sessionId)}/notes`, { sessionId, notes, followUp, basedOnVersion, idempotencyKey });
export const addItem = (campId: string, teamId: string, sessionId: string, text: string, idempotencyKey: string) =>
  post<MentorSession>(`${session(campId, teamId, sessionId)}/items`, { sessionId, text, idempotencyKey });
export const endSession = (campId: string, teamId: string, sessionId: string, idempotencyKey: string) =>
  post<MentorSession>(`${session(campId, teamId, sessionId)}/end`, { sessionId, idempotencyKey });
export const tickItem = (campId: string, teamId: string, sessionId: string, itemId: string, done: boolean, idempotencyKey: string) =>
  post<MentorSession>(`${session(campId, teamId, sessionId)}/tick`, { sessionId, itemId, done, idempotencyKey });
export const rateSession = (campId: string, teamId: string, sessionId: string, stars: number, comment: string, idempotencyKey: string) =>
  post<MentorSession>(`${session(campId, teamId, sessionId)}/rating`, { sessionId, stars, comment, idempotencyKey });

export const getOverview = (campId: string) => get<MentoringOverview>(`${camp(campId)}/mentoring/overview`);

/** A fresh idempotency key per press; a failed press with an unknown outcome is retried by pressing again (IdempotentSubmission). */
export const newKey = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
