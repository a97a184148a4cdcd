import { get, post, request } from './http';
import type { Schema } from './types';

/** The public form's facts about a camp (GET /api/camps/{id}/application-form). */
export type ApplicationFormInfo = Schema<'ApplicationFormInfo'>;

export type ApplicationForm = Schema<'ApplicationForm'>;

export type ApplicationStatus = Schema<'ApplicationStatus'>;
export type MyApplication = Schema<'MyApplication'>;

export const applicationForm = (campId: string) =>
  get<ApplicationFormInfo>(`/api/camps/${encodeURIComponent(campId)}/application-form`);

/** website is the honeypot: people never see it, so it is always empty when a person sends the form. */
export const submitApplication = (campId: string, form: ApplicationForm, idempotencyKey: string, website: string) =>
  post<Schema<'ApplicationReceived'>>(`/api/camps/${encodeURIComponent(campId)}/applications`, { form, idempotencyKey, website });

export const openApplication = (token: string) => post<MyApplication>('/api/applications/mine', { token });

export const editApplication = (token: string, form: ApplicationForm, idempotencyKey: string) =>
  request<MyApplication>('PUT', '/api/applications/mine', { token, form, idempotencyKey });

export const applicantAction = (action: 'withdraw' | 'confirm' | 'decline', token: string, idempotencyKey: string) =>
  post<MyApplication>(`/api/applications/mine/${action}`, { token, idempotencyKey });
