import type { CampEvent, CampSnapshot } from '../api/types';

/** The snapshot after one event. Events carry the resulting phase and counts, so no request is needed. */
export function applyEvent(snapshot: CampSnapshot, event: CampEvent): CampSnapshot {
  const next: CampSnapshot = {
    ...snapshot,
    seq: event.seq,
    phase: event.phase,
    allowedPhases: event.allowedPhases,
    members: event.members,
  };
  if (event.kind === 'PhaseChanged' && event.phaseChange) {
    next.history = [...snapshot.history, event.phaseChange];
  }
  if (event.kind === 'TeamAdded' && event.team && !snapshot.teams.some((t) => t.teamId === event.team!.teamId)) {
    next.teams = [...snapshot.teams, event.team];
  }
  return next;
}

export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
