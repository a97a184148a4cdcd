import type { StreamEnvelope } from '../api/types';
import type { MentorCalendar, MentorSession, QueueView, TeamSessions } from './mentorsApi';
import { applyQueueChange } from './queue';

// Reducers of the mentoring capability's streams (payloads as the grains publish them).
export const reduceQueue = (view: QueueView, event: StreamEnvelope): QueueView =>
  applyQueueChange(view, event.payload as Parameters<typeof applyQueueChange>[1]);

export function reduceSessions(team: TeamSessions, event: StreamEnvelope): TeamSessions {
  // "Starts soon" notices (StartsSoon, NoticeWithdrawn) carry the team's notices as they now are.
  const { notices } = event.payload as { notices?: TeamSessions['notices'] };
  if (notices) return { ...team, notices };
  const { session } = event.payload as { session: MentorSession };
  const others = team.sessions.filter((s) => s.sessionId !== session.sessionId);
  return { ...team, sessions: [session, ...others].sort((a, b) => b.startedAt.localeCompare(a.startedAt)) };
}

export const reduceCalendar = (_: MentorCalendar, event: StreamEnvelope): MentorCalendar => (event.payload as { calendar: MentorCalendar }).calendar;
