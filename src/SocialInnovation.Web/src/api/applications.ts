import { get, post, request } from './http';

/** The public form's facts about a camp (GET /api/camps/{id}/application-form). */
export interface ApplicationFormInfo {
  campId: string;
  campName: string;
  location: string;
  startsOn: string;
  endsOn: string;
  phase: string;
  open: boolean;
  countries: string[];
  languages: string[];
  privacyText: string;
}

export interface ApplicationForm {
  name: string;
  email: string;
  country: string;
  city: string;
  organisation: string;
  role: string;
  skills: string[];
  languages: string[];
  motivation: string;
  heardFrom: string;
  consent: boolean;
  mailLanguage: 'en' | 'ru';
}

export type ApplicationStatus = 'Submitted' | 'Withdrawn' | 'Waitlisted' | 'Accepted' | 'Rejected' | 'Confirmed' | 'Declined' | 'Expired';

export interface MyApplication {
  application: { applicationId: string; campId: string; campName: string; form: ApplicationForm; revision: number; submittedAt: string; updatedAt: string };
  status: ApplicationStatus;
  confirmBy: string | null;
  canEdit: boolean;
}

export const applicationForm = (campId: string) =>
  get<ApplicationFormInfo>(`/api/camps/${encodeURIComponent(campId)}/application-form`);

/** website is the honeypot: people never see it, so it is always empty when a person sends the form. */
export const submitApplication = (campId: string, form: ApplicationForm, idempotencyKey: string, website: string) =>
  post<{ campId: string; email: string }>(`/api/camps/${encodeURIComponent(campId)}/applications`, { form, idempotencyKey, website });

export const openApplication = (token: string) => post<MyApplication>('/api/applications/mine', { token });

export const editApplication = (token: string, form: ApplicationForm, idempotencyKey: string) =>
  request<MyApplication>('PUT', '/api/applications/mine', { token, form, idempotencyKey });

export const applicantAction = (action: 'withdraw' | 'confirm' | 'decline', token: string, idempotencyKey: string) =>
  post<MyApplication>(`/api/applications/mine/${action}`, { token, idempotencyKey });
