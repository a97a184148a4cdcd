import { useState } from 'preact/hooks';
import { post } from '../api/http';
import type { Schema } from '../api/types';
import { t } from '../i18n';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { newId } from './boardApi';

/**
 * A participant looking at a team's board (the organizer let everyone look) can join that team from here; a full
 * team says so instead of offering a button that can only be refused.
 */
export function JoinTeam({ campId, team, joined }: { campId: string; team: Schema<'TeamDetails'>; joined(team: Schema<'TeamDetails'>): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const teamId = team.teamId;
  if (team.capacity > 0 && team.members.length >= team.capacity)
    return <p class="muted join-team" data-testid="board-team-full">{t('boards.teamFull', { capacity: team.capacity })}</p>;
  return (
    <div class="join-team">
      <button type="button" class="secondary" disabled={busy} data-testid="board-join" onClick={() => {
        setBusy(true);
        post<Schema<'TeamDetails'>>(`/api/camps/${encodeURIComponent(campId)}/teams/${encodeURIComponent(teamId)}/join`, { idempotencyKey: newId() })
          .then(joined, (e: unknown) => setError(describe(e))).finally(() => setBusy(false));
      }}>{t('boards.join')}</button>
      <Message text={error} />
    </div>
  );
}
