// The server's wire records (SocialInnovation.Abstractions), as JSON: camelCase, enums as names.

export const phases = [
  'Draft', 'Applications', 'Selection', 'Teams', 'Sprints', 'Pitches', 'Judging', 'Results', 'Archived',
] as const;
export type Phase = (typeof phases)[number];

export const roles = ['Participant', 'Mentor', 'Judge', 'Organizer'] as const;
export type Role = (typeof roles)[number];

export interface CampDetails {
  name: string;
  location: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  countries: string[];
  languages: string[];
  themes: string[];
}

export interface PhaseChange { from: Phase; to: Phase; byName: string; at: string }
export interface Team { teamId: string; name: string; theme: string }
export interface MemberCounts { organizers: number; participants: number; mentors: number; judges: number }

export interface CampSnapshot {
  campId: string;
  /** The camp stream's position this snapshot is at. */
  epoch: number;
  seq: number;
  details: CampDetails;
  phase: Phase;
  allowedPhases: Phase[];
  history: PhaseChange[];
  teams: Team[];
  members: MemberCounts;
  createdAt: string;
}

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

export interface MyCamp {
  campId: string;
  name: string;
  role: Role;
  phase: Phase;
  location: string;
  startsOn: string;
  endsOn: string;
}

export interface Me { personId: string; name: string; isPlatformOrganizer: boolean; camps: MyCamp[]; language: string | null }

export interface CampMember { personId: string; name: string; role: Role; joinedAt: string }

export interface InviteSummary {
  inviteId: string;
  campId: string;
  role: Role;
  label: string;
  maxUses: number;
  uses: number;
  expiresAt: string;
  revoked: boolean;
  createdAt: string;
}

export interface InviteIssued { invite: InviteSummary; token: string | null; link: string | null }
export interface InvitePreview { campId: string; campName: string; role: Role; label: string; expiresAt: string }
export interface InviteRedeemed { campId: string; role: Role }

export interface NewInvite { role: Role; label: string; maxUses: number; validForHours: number }
