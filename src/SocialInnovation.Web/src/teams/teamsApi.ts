import { get, post, request } from '../api/http';
import type { Schema } from '../api/types';

// Team formation (FormationApi) and a team's page (TeamsApi): rankings, the suggestion, publishing, captains.
export type FormationStatus = Schema<'FormationStatus'>;
export type MyRanking = Schema<'MyRanking'>;
export type ThemeRanking = Schema<'ThemeRanking'>;
export type TeamSuggestion = Schema<'TeamSuggestion'>;
export type Placement = Schema<'Placement'>;
export type ChoiceReport = Schema<'ChoiceReport'>;
export type TeamPeople = Schema<'TeamPeople'>;
export type TeamDetails = Schema<'TeamDetails'>;
export type ParticipantProfile = Schema<'ParticipantProfile'>;

const formation = (campId: string) => `/api/camps/${encodeURIComponent(campId)}/team-formation`;
const team = (campId: string, teamId: string) => `/api/camps/${encodeURIComponent(campId)}/teams/${encodeURIComponent(teamId)}`;

export const formationStatus = (campId: string) => get<FormationStatus>(formation(campId));
export const myRanking = (campId: string) => get<MyRanking>(`${formation(campId)}/ranking`);
export const rankThemes = (campId: string, choices: string[], idempotencyKey: string) =>
  request<ThemeRanking>('PUT', `${formation(campId)}/ranking`, { choices, idempotencyKey });
export const suggestTeams = (campId: string, minSize: number | null, maxSize: number | null) =>
  post<TeamSuggestion>(`${formation(campId)}/suggestion`, { minSize, maxSize });
export const publishTeams = (campId: string, assignments: { personId: string; teamId: string }[], basedOnVersion: number, idempotencyKey: string) =>
  post<FormationStatus>(`${formation(campId)}/publish`, { assignments, basedOnVersion, idempotencyKey });

export const teamPeople = (campId: string, teamId: string) => get<TeamPeople>(`${team(campId, teamId)}/people`);
export const changeCaptain = (campId: string, teamId: string, captainId: string, idempotencyKey: string) =>
  post<TeamDetails>(`${team(campId, teamId)}/captain`, { captainId, idempotencyKey });

/** Which of their choices a person got: 1, 2, 3, or null. */
export function choiceOf(placement: { choices: string[] }, teamId: string): number | null {
  const i = placement.choices.indexOf(teamId);
  return i < 0 ? null : i + 1;
}

/** The report for an adjusted suggestion: counted again after every move. */
export function reportOf(placements: { choices: string[]; teamId: string }[]): ChoiceReport {
  const report = { first: 0, second: 0, third: 0, none: 0, unranked: 0 };
  for (const p of placements) {
    const choice = choiceOf(p, p.teamId);
    if (p.choices.length === 0) report.unranked++;
    else if (choice === 1) report.first++;
    else if (choice === 2) report.second++;
    else if (choice === 3) report.third++;
    else report.none++;
  }
  return report;
}

// A participant's own camp profile (ProfileApi): what team formation mixes teams by.
export type MyProfile = Schema<'MyProfile'>;
export type SaveSkillProfile = Schema<'SaveSkillProfile'>;
const profile = (campId: string) => `/api/camps/${encodeURIComponent(campId)}/profile`;
export const myProfile = (campId: string) => get<MyProfile>(profile(campId));
export const saveProfile = (campId: string, body: SaveSkillProfile) => request<MyProfile>('PUT', profile(campId), body);
