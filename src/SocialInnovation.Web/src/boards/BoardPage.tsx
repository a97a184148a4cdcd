import './boards.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PageProps } from '../router';
import { me } from '../session/current';
import { sameId } from '../live/applyEvent';
import { LiveBadge } from '../camp/LiveBadge';
import { Loading, Message } from '../ui/Message';
import { tx, User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { JoinTeam } from './JoinTeam';
import { BoardPresence } from './presence';
import { cardOf } from './boardState';
import { CardDialog } from './CardDialog';
import { Lane } from './Lane';
import { SprintPanel } from './SprintPanel';
import { BoardNotice } from './BoardNotice';
import { ColumnEditor } from './ColumnEditor';
import { lanesOf, useBoard, type LiveBoard } from './useBoard';
import { useRestoreFocus } from './focus';
import { keepForOffline } from '../offline/serviceWorker';

/** /camps/<camp>/teams/<team>/board: the team's live Scrum board. */
export default function BoardPage({ params }: PageProps) {
  const { campId, teamId } = params;
  const board = useBoard(campId, teamId);
  const view = board.view.value;
  const team = board.team.value;
  const [open, setOpen] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const presence = useMemo(() => new BoardPresence(campId, teamId), [campId, teamId]);
  useEffect(() => () => presence.stop(), [presence]);
  // A board must open again on a reload without a connection: the service worker keeps the app on the device.
  useEffect(() => keepForOffline(), []);
  usePageTitle(team ? t('boards.title', { team: team.name }) : undefined);
  useRestoreFocus(view);

  if (board.failure.value) return <><Message text={board.failure.value} /><p><a href={`/camps/${campId}`}>{t('common.backHome')}</a></p></>;
  if (!view || !team) return <Loading text={t('boards.loading')} />;
  const person = me.value;
  const role = person?.camps.find((c) => sameId(c.campId, campId))?.role;
  const member = !!person && team.members.some((m) => sameId(m.personId, person.personId));
  const canEdit = member || role === 'Organizer';
  const names = new Map(team.members.map((m) => [m.personId, m.name]));
  const others = presence.watchers.value.filter((w) => !person || !sameId(w.personId, person.personId));
  const draggedBy = new Map(others.filter((w) => w.dragging).map((w) => [w.dragging!, w.name]));
  const drag = (cardId: string | null) => {
    setDragged(cardId);
    presence.drag(cardId);
  };
  return (
    <div class="board-page">
      <div class="page-head">
        <h1>{tx('boards.title', { team: <User>{team.name}</User> })}</h1>
        <LiveBadge />
      </div>
      <p><a href={`/camps/${campId}/boards`}>{t('boards.link')}</a></p>
      {role === 'Participant' && !member && <JoinTeam campId={campId} team={team} joined={(t) => (board.team.value = t)} />}
      {board.offline.value && <p class="message board-offline" data-testid="board-offline">{t('boards.offline')}</p>}
      {board.pending.value > 0 && <p class="muted" data-testid="board-pending">{t('boards.pending', { count: board.pending.value })}</p>}
      {others.length > 0 && <p class="presence" data-testid="board-presence">{t('boards.lookingNow', { names: others.map((w) => w.name).join(', ') })}</p>}
      <Conflicts board={board} />
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="board-announcer">{board.announcement.value}</p>
      {dragged && <p class="visually-hidden" aria-live="polite">{cardOf(view, dragged)?.title}</p>}
      <SprintPanel view={view} canEdit={canEdit} campId={campId} teamId={teamId} />
      {canEdit && <ColumnEditor view={view} campId={campId} teamId={teamId} />}
      {canEdit && <p class="hint">{t('boards.dragHint')}</p>}
      <div class="board-lanes">
        {lanesOf(view).map((lane) => (
          <Lane key={lane} board={board} view={view} lane={lane} canEdit={canEdit} names={names} draggedBy={draggedBy} open={setOpen} dragging={drag} />
        ))}
      </div>
      <BoardNotice board={board} />
      {open && (
        <CardDialog key={open} board={board} view={view} cardId={open} members={team.members} canEdit={canEdit}
          canComment={canEdit || role === 'Mentor'} close={() => setOpen(null)} />
      )}
    </div>
  );
}

/**
 * A stale write: the other person's card is shown (it is the confirmed one), with a way to apply one's own change
 * again. A change held back because the one it was made on top of was refused says so, with the same way back.
 */
function Conflicts({ board }: { board: LiveBoard }) {
  if (board.conflicts.value.length === 0) return null;
  const view = board.view.value;
  return (
    <ul class="conflicts" data-testid="board-conflicts">
      {board.conflicts.value.map((conflict, i) => {
        const by = conflict.current?.history.at(-1)?.byName ?? '?';
        const title = conflict.current?.title ?? (view && cardOf(view, conflict.op.cardId)?.title) ?? (conflict.op.kind === 'edit' ? conflict.op.body.title : '');
        return (
          <li key={i} class="message message-error" role="alert">
            {conflict.heldBack ? t('boards.heldBack', { title }) : t('boards.stale', { name: by, title: conflict.current?.title ?? '' })}{' '}
            <span class="actions">
              {conflict.current && conflict.op.kind !== 'create' && conflict.op.kind !== 'comment' && (
                <button type="button" class="small" data-testid="board-reapply" onClick={() => board.reapply(conflict)}>{t('boards.reapply')}</button>
              )}
              <button type="button" class="secondary small" onClick={() => board.dismiss(conflict)}>{t('boards.dismiss')}</button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
