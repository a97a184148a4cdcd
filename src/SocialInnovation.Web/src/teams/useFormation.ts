import { useEffect, useState } from 'preact/hooks';
import type { StreamEnvelope } from '../api/types';
import { errorText } from '../i18n';
import { watchStream } from '../live/streamStore';
import { streamName } from '../live/streams';
import type { FormationStatus, TeamDetails } from './teamsApi';

/**
 * The camp's team formation, live from `teams:<camp>`: `published` carries the whole status (every team
 * with its members), `team` one team after a join, leave or captain change, `ranked` the count of rankings.
 */
export function reduceFormation(state: FormationStatus, event: StreamEnvelope): FormationStatus {
  switch (event.kind) {
    case 'published':
      return { ...(event.payload as FormationStatus), epoch: event.epoch, seq: event.seq };
    case 'team': {
      const changed = event.payload as TeamDetails;
      const known = state.teams.find((t) => t.teamId === changed.teamId);
      if (known && (known.version ?? 0) >= (changed.version ?? 0)) return { ...state, seq: event.seq };
      const teams = known ? state.teams.map((t) => (t.teamId === changed.teamId ? changed : t)) : [...state.teams, changed];
      return { ...state, teams, seq: event.seq };
    }
    case 'ranked':
      return { ...state, rankings: (event.payload as { rankings: number }).rankings, seq: event.seq };
    default:
      return { ...state, seq: event.seq };
  }
}

export function useFormation(campId: string): { status: FormationStatus | null; failure: string | null } {
  const [status, setStatus] = useState<FormationStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const store = watchStream<FormationStatus>(streamName('teams', campId), {
      fromSnapshot: (snapshot) => snapshot as FormationStatus,
      reduce: reduceFormation,
      onChange: (next) => setStatus(next),
      onRefused: (code, detail) => setFailure(errorText(code, detail) ?? code),
    });
    return () => store.stop();
  }, [campId]);
  return { status, failure };
}

/** The team the person is in, as the stream last said. */
export const teamOf = (status: FormationStatus | null, personId: string | undefined): TeamDetails | undefined =>
  personId ? status?.teams.find((t) => t.members.some((m) => m.personId === personId)) : undefined;
