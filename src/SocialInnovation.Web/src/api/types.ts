// The server's wire records, as JSON (camelCase, enums as names). The HTTP API's records come from
// `schema.d.ts`, generated from the server's OpenAPI document (`openapi.json`) by `npm run api`; never
// edit those by hand. Only what the OpenAPI document cannot describe is written here: the live
// streams' hub messages and event payloads (docs/live-streams.md).
import type { components } from './schema';

/** A record of the HTTP API by its C# name, e.g. `Schema<'CampSnapshot'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type Phase = Schema<'CampPhase'>;
export type Role = Schema<'CampRole'>;

// In the server's order (PhaseRules); `satisfies` fails the build when the server's enum changes.
export const phases = [
  'Draft', 'Applications', 'Selection', 'Teams', 'Sprints', 'Pitches', 'Judging', 'Results', 'Archived',
] as const satisfies readonly Phase[];
export const roles = ['Participant', 'Mentor', 'Judge', 'Organizer', 'Reviewer'] as const satisfies readonly Role[];

export type CampDetails = Schema<'CampDetails'>;
export type PhaseChange = Schema<'PhaseChangeRecord'>;
export type Team = Schema<'TeamView'>;
export type MemberCounts = Schema<'MemberCounts'>;
export type CampSnapshot = Schema<'CampSnapshot'>;
export type Me = Schema<'MeView'>;
export type SessionView = Schema<'SessionView'>;
export type MyCamp = Schema<'MyCamp'>;
export type CampMember = Schema<'CampMember'>;
export type InviteSummary = Schema<'InviteSummary'>;
export type InviteIssued = Schema<'InviteCreated'>;
export type InvitePreview = Schema<'InvitePreview'>;
export type InviteRedeemed = Schema<'InviteRedeemed'>;
/** What the invite form sends, without the idempotency key the API module adds. */
export type NewInvite = Omit<Schema<'IssueInvite'>, 'idempotencyKey'>;

export type CampEventKind = 'Created' | 'PhaseChanged' | 'MemberJoined' | 'TeamAdded';

/** What a camp event carries: the camp's resulting phase and counts, and what changed. */
export interface CampEventPayload {
  phase: Phase;
  allowedPhases: Phase[];
  members: MemberCounts;
  phaseChange: PhaseChange | null;
  memberName: string | null;
  memberRole: Role | null;
  team: Team | null;
}

/** One event on a camp's stream (`camp:<campId>`). */
export type CampEvent = StreamEnvelope<CampEventPayload, CampEventKind>;

// Live streams (the hub at /hubs/camp): see docs/live-streams.md.

/** A place in a stream. The epoch changes when the stream's owner may have lost events it published. */
export interface StreamPosition { epoch: number; seq: number }

export interface StreamEnvelope<P = unknown, K extends string = string> {
  stream: string;
  epoch: number;
  seq: number;
  at: string;
  kind: K;
  payload: P;
}

/** Watch's answer: the events after the caller's position, or a snapshot; the caller is then at (epoch, seq). */
export interface StreamCatchUp<S = unknown> {
  stream: string;
  epoch: number;
  seq: number;
  events: StreamEnvelope[];
  snapshot: S | null;
}

export interface HubError {
  kind: string;
  code: string;
  detail: string;
  errors: Record<string, string[]> | null;
  /** The server could not answer just now: send the same call again later. */
  retryable: boolean;
}

export interface HubReply<T> { ok: boolean; value: T | null; error: HubError | null }
