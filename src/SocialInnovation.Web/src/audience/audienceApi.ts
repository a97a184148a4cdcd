import { get, post, request } from '../api/http';
import type { Schema } from '../api/types';

// Audience voting (AudienceApi) and results, awards and mini-grants (ResultsApi).
export type AudiencePollView = Schema<'AudiencePollView'>;
export type AudienceVoteReceipt = Schema<'AudienceVoteReceipt'>;
export type AudiencePollKind = Schema<'AudiencePollKind'>;
export type CampResults = Schema<'CampResults'>;
export type Standing = Schema<'Standing'>;
export type Award = Schema<'Award'>;
export type AwardKind = Schema<'AwardKind'>;
export type MiniGrant = Schema<'MiniGrant'>;
export type RevealOrder = Schema<'RevealOrder'>;

const camp = (campId: string) => `/api/camps/${encodeURIComponent(campId)}`;
export const newKey = () => crypto.randomUUID().replaceAll('-', '');

export const pollByCode = (code: string) => get<AudiencePollView>(`/api/audience/${encodeURIComponent(code)}`);
export const castVote = (code: string, deviceToken: string, choices: string[], idempotencyKey: string) =>
  post<AudienceVoteReceipt>(`/api/audience/${encodeURIComponent(code)}/votes`, { deviceToken, choices, idempotencyKey });

export const audiencePolls = (campId: string) => get<AudiencePollView[]>(`${camp(campId)}/audience/polls`);
export const openAudiencePoll = (campId: string, body: Schema<'OpenAudiencePoll'>) => post<AudiencePollView>(`${camp(campId)}/audience/polls`, body);
export const revealPoll = (campId: string, pollId: string) => post<AudiencePollView>(`${camp(campId)}/audience/polls/${encodeURIComponent(pollId)}/reveal`);
export const closeAudiencePoll = (campId: string, pollId: string) => post<Schema<'PollTally'>>(`${camp(campId)}/polls/${encodeURIComponent(pollId)}/close`);

export const publishedResults = (campId: string) => get<CampResults>(`${camp(campId)}/results`);
export const resultsDraft = (campId: string) => get<CampResults>(`${camp(campId)}/results/draft`);
export const saveResults = (campId: string, body: Schema<'SaveResults'>) => request<CampResults>('PUT', `${camp(campId)}/results/draft`, body);
export const publishResults = (campId: string, publish: boolean) =>
  post<CampResults>(`${camp(campId)}/results/publish`, { publish, idempotencyKey: newKey() });
export const resultsCsvUrl = (campId: string) => `${camp(campId)}/results/export.csv`;

/** This device's voter token: random, made once, kept in the browser (one device, one vote per poll). */
export function deviceToken(): string {
  const name = 'si.audience.device';
  let token = localStorage.getItem(name);
  if (!token) {
    token = newKey();
    localStorage.setItem(name, token);
  }
  return token;
}

/** The audience's share as a whole percentage. */
export const percent = (weight: number) => Math.round(weight * 100);
