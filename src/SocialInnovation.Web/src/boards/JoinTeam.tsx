import { useState } from 'preact/hooks';
import { post } from '../api/http';
import type { Schema } from '../api/types';
import { t } from '../i18n';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { newId } from './boardApi';

/** A participant looking at a team's board (the organizer let everyone look) can join that team from here. */
export function JoinTeam({ campId, teamId, joined }: { campId: string; teamId: string; joined(team: Schema<'TeamDetails'>): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <button type="button" class="secondary" disabled={busy} data-testid="board-join" onClick={() => {
        setBusy(true);
        post<Schema<'TeamDetails'>>(`/api/camps/${encodeURIComponent(campId)}/teams/${encodeURIComponent(teamId)}/join`, { idempotencyKey: newId() })
          .then(joined, (e: unknown) => setError(describe(e))).finally(() => setBusy(false));
      }}>{t('boards.join')}</button>
      <Message text={error} />
    </div>
  );
}
