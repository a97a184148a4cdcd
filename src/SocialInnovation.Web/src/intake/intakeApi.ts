import { get, post, request } from '../api/http';
import type { Schema } from '../api/types';

// The organizers' side of intake and the camp's dot-vote and teams (SelectionApi, PollsApi, TeamsApi).
export type SelectionOverview = Schema<'SelectionOverview'>;
export type SelectionEntry = Schema<'SelectionEntry'>;
export type ApplicationStatus = Schema<'ApplicationStatus'>;
export type DecisionKind = Schema<'DecisionKind'>;
export type PollTally = Schema<'PollTally'>;
export type PollView = Schema<'PollView'>;
export type TeamDetails = Schema<'TeamDetails'>;

const camp = (campId: string) => `/api/camps/${encodeURIComponent(campId)}`;

export const selectionOverview = (campId: string) => get<SelectionOverview>(`${camp(campId)}/selection`);
export const listApplications = (campId: string) => get<SelectionEntry[]>(`${camp(campId)}/applications`);
export const exportUrl = (campId: string) => `${camp(campId)}/applications/export`;

export const decide = (campId: string, applicationId: string, decision: DecisionKind, basedOnVersion: number, idempotencyKey: string) =>
  post<SelectionEntry>(`${camp(campId)}/selection/decisions`, { applicationId, decision, basedOnVersion, idempotencyKey });

export const resendLink = (campId: string, applicationId: string, idempotencyKey: string) =>
  post<Schema<'ApplicationReceived'>>(`${camp(campId)}/applications/${encodeURIComponent(applicationId)}/link`, { idempotencyKey });

export const listPolls = (campId: string) => get<PollTally[]>(`${camp(campId)}/polls`);
export const getPoll = (campId: string, pollId: string) => get<PollView>(`${camp(campId)}/polls/${encodeURIComponent(pollId)}`);
export const openPoll = (campId: string, title: string, dotsPerVoter: number, idempotencyKey: string) =>
  post<PollTally>(`${camp(campId)}/polls`, { title, options: null, dotsPerVoter, idempotencyKey });
export const castDots = (campId: string, pollId: string, dots: Record<string, number>, idempotencyKey: string) =>
  post<PollTally>(`${camp(campId)}/polls/${encodeURIComponent(pollId)}/votes`, { dots, idempotencyKey });
export const closePoll = (campId: string, pollId: string) => post<PollTally>(`${camp(campId)}/polls/${encodeURIComponent(pollId)}/close`);
export const formTeams = (campId: string, pollId: string, count: number, capacity: number, idempotencyKey: string) =>
  post<Schema<'TeamView'>[]>(`${camp(campId)}/polls/${encodeURIComponent(pollId)}/teams`, { count, capacity, idempotencyKey });

export const getTeam = (campId: string, teamId: string) => get<TeamDetails>(`${camp(campId)}/teams/${encodeURIComponent(teamId)}`);
export const joinTeam = (campId: string, teamId: string, idempotencyKey: string) =>
  post<TeamDetails>(`${camp(campId)}/teams/${encodeURIComponent(teamId)}/join`, { idempotencyKey });
export const leaveTeam = (campId: string, teamId: string, idempotencyKey: string) =>
  post<TeamDetails>(`${camp(campId)}/teams/${encodeURIComponent(teamId)}/leave`, { idempotencyKey });

export type SelectionSuggestion = Schema<'SelectionSuggestion'>;
export type DecidedMany = Schema<'DecidedMany'>;
export type DecisionItem = Schema<'DecisionItem'>;
export const suggestSelection = (campId: string) => get<SelectionSuggestion>(`${camp(campId)}/selection/suggestion`);
export const decideMany = (campId: string, decisions: DecisionItem[], idempotencyKey: string) =>
  post<DecidedMany>(`${camp(campId)}/selection/decisions/batch`, { decisions, idempotencyKey });

export type SelectionSettings = Schema<'SelectionSettings'>;
export type CountryQuota = Schema<'CountryQuota'>;
export type FieldQuota = Schema<'FieldQuota'>;
export type QuotaField = Schema<'QuotaField'>;
export type QuotaKey = Schema<'QuotaKey'>;
/** The settings a form sends, without the version and key the call adds. */
export type SettingsChange = Pick<Schema<'ConfigureSelection'>, 'privacyText' | 'confirmWithinHours' | 'quotas' | 'fieldQuotas' | 'capacity'>;
export const configureSelection = (campId: string, change: SettingsChange, basedOnVersion: number, idempotencyKey: string) =>
  request<SelectionSettings>('PUT', `${camp(campId)}/selection/settings`, { ...change, basedOnVersion, idempotencyKey });

export type ApplicationReview = Schema<'ApplicationReview'>;
export const getApplication = (campId: string, applicationId: string) =>
  get<ApplicationReview>(`${camp(campId)}/applications/${encodeURIComponent(applicationId)}`);
export type CriterionScore = Schema<'CriterionScore'>;
export const reviewApplication = (campId: string, applicationId: string, scores: CriterionScore[], notes: string, idempotencyKey: string) =>
  post<SelectionEntry>(`${camp(campId)}/applications/${encodeURIComponent(applicationId)}/reviews`, { scores, notes, idempotencyKey });

export type SelectionCriteria = Schema<'SelectionCriteria'>;
export type SelectionCriterion = Schema<'SelectionCriterion'>;
export const getCriteria = (campId: string) => get<SelectionCriteria>(`${camp(campId)}/selection/criteria`);
export const setCriteria = (campId: string, criteria: SelectionCriterion[], basedOnVersion: number, idempotencyKey: string) =>
  request<SelectionCriteria>('PUT', `${camp(campId)}/selection/criteria`, { criteria, basedOnVersion, idempotencyKey });
