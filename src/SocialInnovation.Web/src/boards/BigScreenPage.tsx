import './boards.css';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PageProps } from '../router';
import { watchStream } from '../live/streamStore';
import { streamName } from '../live/streams';
import { LiveBadge } from '../camp/LiveBadge';
import { describe } from '../ui/describe';
import { Empty, Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { applyBoardEvent, remaining } from './boardState';
import { getBoards } from './boardApi';
import type { BoardView } from './boardTypes';
import { Burndown } from './Burndown';
import { SprintStatus, useNow } from './SprintPanel';
import { columnName } from './useBoard';

interface Shown { teamId: string; name: string; board: BoardView }

/**
 * /camps/<camp>/boards/screen: every team's board side by side for a projector — cards per column, the
 * burndown and the sprint timer — each kept live from its own board stream.
 */
export default function BigScreenPage({ params }: PageProps) {
  const campId = params.campId;
  const [teams, setTeams] = useState<Shown[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useNow();
  usePageTitle(t('boards.bigScreen'));

  useEffect(() => {
    const stops: (() => void)[] = [];
    let left = false;
    getBoards(campId).then((overview) => {
      if (left) return;
      setTeams(overview.teams.map((team) => ({ teamId: team.teamId, name: team.name, board: team.board })));
      for (const team of overview.teams) {
        const store = watchStream<BoardView>(streamName('board', campId, team.teamId.replace(/-/g, '')), {
          fromSnapshot: (s) => s as BoardView,
          reduce: applyBoardEvent,
          onChange: (board) => setTeams((all) => all?.map((shown) => (shown.teamId === team.teamId ? { ...shown, board } : shown)) ?? null),
          onRefused: (code, detail) => setError(detail || code),
          initial: { state: team.board, position: { epoch: team.board.epoch, seq: team.board.seq } },
        });
        stops.push(() => store.stop());
      }
    }, (e: unknown) => setError(describe(e)));
    return () => {
      left = true;
      stops.forEach((stop) => stop());
    };
  }, [campId]);

  if (error && !teams) return <Message text={error} />;
  if (!teams) return <Loading text={t('boards.loading')} />;
  const plan = teams[0]?.board.plan;
  return (
    <div class="big-screen">
      <div class="page-head"><h1>{t('boards.bigScreen')}</h1><LiveBadge /></div>
      {plan && <SprintStatus plan={plan} now={now} />}
      {teams.length === 0 && <Empty>{t('boards.noTeams')}</Empty>}
      <div class="screen-grid">
        {teams.map(({ teamId, name, board }) => {
          const sprint = board.sprints.find((s) => s.number === board.plan.activeSprint);
          return (
            <section key={teamId} class="screen-team card" data-testid={`screen-${name}`} aria-label={name}>
              <h2><a href={`/camps/${campId}/teams/${teamId}/board`}><User>{name}</User></a></h2>
              <dl class="screen-counts">
                {board.columns.map((c) => (
                  <div key={c.columnId} data-testid={`screen-count-${c.columnId}`} data-count={c.cardIds.length}>
                    <dt><User>{columnName(board, c.columnId)}</User></dt><dd>{c.cardIds.length}</dd>
                  </div>
                ))}
              </dl>
              {sprint ? <Burndown sprint={sprint} plan={board.plan} now={now} big /> : <p class="muted">{t('boards.remaining', { points: remaining(board), committed: remaining(board) })}</p>}
            </section>
          );
        })}
      </div>
    </div>
  );
}
