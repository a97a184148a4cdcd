import type { CampEvent, CampSnapshot } from '../api/types';

/** The snapshot after one event. Events carry the resulting phase and counts, so no request is needed. */
export function applyEvent(snapshot: CampSnapshot, event: CampEvent): CampSnapshot {
  const change = event.payload;
  const next: CampSnapshot = {
    ...snapshot,
    epoch: event.epoch,
    seq: event.seq,
    phase: change.phase,
    allowedPhases: change.allowedPhases,
    members: change.members,
  };
  if (event.kind === 'PhaseChanged' && change.phaseChange) {
    next.history = [...snapshot.history, change.phaseChange];
  }
  if (event.kind === 'TeamAdded' && change.team && !snapshot.teams.some((t) => t.teamId === change.team!.teamId)) {
    next.teams = [...snapshot.teams, change.team];
  }
  return next;
}

export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
