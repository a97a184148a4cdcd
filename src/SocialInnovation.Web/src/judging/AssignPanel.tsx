import { useState } from 'preact/hooks';
import { formatNumber, t } from '../i18n';
import { describe } from '../ui/describe';
import { Field, SubmitButton } from '../ui/Field';
import { Message } from '../ui/Message';
import { User } from '../ui/text';
import { assignTeam, type Leaderboard } from './judgingApi';

export interface Person { id: string; name: string }

/**
 * Who still has to score whom, and the organizer's hand on it: every judge's current team, pins and teams
 * moved away, and a form (plain selects and a button, so it works by keyboard and on a phone) that pins a
 * team to a judge, moves it from one judge to another, or takes it away from one.
 */
export function AssignPanel({ campId, board, teamName, judges, onBoard }: {
  campId: string;
  board: Leaderboard;
  teamName: (id: string) => string;
  judges: Person[];
  onBoard: (board: Leaderboard) => void;
}) {
  const [team, setTeam] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Judges who opened their sheet and judges of the camp who have not yet: both can be given a team.
  const everyone = new Map<string, string>(judges.map((j) => [j.id, j.name]));
  for (const j of board.judges) if (j.name) everyone.set(j.judgeId, j.name);
  const judgeName = (id: string) => everyone.get(id) ?? '…';
  const names = (ids: readonly string[]) => ids.map((id, i) => <>{i > 0 && ', '}<User>{teamName(id)}</User></>);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    if (!team || (!from && !to)) {
      setError(t('assign.pick'));
      return;
    }
    setBusy(true);
    try {
      onBoard(await assignTeam(campId, { teamId: team, from: from || null, to: to || null }));
      setDone(t('assign.done'));
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="assign-title">
      <h2 id="assign-title">{t('leaderboard.judges')}</h2>
      {board.judges.length === 0 ? <p class="muted">{t('leaderboard.noJudges')}</p> : (
        <ul class="judge-list" data-testid="judges">
          {board.judges.map((j) => (
            <li key={j.judgeId}>
              <strong><User>{judgeName(j.judgeId)}</User></strong>: {t('judge.progress', { scored: formatNumber(j.progress.scored), remaining: formatNumber(Math.max(0, j.progress.remaining)), skipped: formatNumber(j.progress.skipped) })}
              {j.holding && <div>{t('assign.holding')}: <User>{teamName(j.holding)}</User></div>}
              {j.pinned.length > 0 && <div>{t('assign.pinned')}: {names(j.pinned)}</div>}
              {j.movedAway.length > 0 && <div>{t('assign.movedAway')}: {names(j.movedAway)}</div>}
              {j.conflicts.length > 0 && <div>{t('assign.keptOff')}: {names(j.conflicts)}</div>}
            </li>
          ))}
        </ul>
      )}
      {board.conflicts.length > 0 && (
        <details>
          <summary>{t('assign.why')}</summary>
          <ul>{board.conflicts.map((c) => <li key={`${c.judgeId}-${c.teamId}`}><User>{judgeName(c.judgeId)}</User> — <User>{teamName(c.teamId)}</User>: <User>{c.reason}</User></li>)}</ul>
        </details>
      )}
      {!board.setup.locked && (
        <form class="assign-form" onSubmit={submit} data-testid="assign-form">
          <h3>{t('assign.title')}</h3>
          <p class="hint">{t('assign.hint')}</p>
          <Field label={t('assign.team')}>{(c) => (
            <select {...c} value={team} onChange={(e) => setTeam(e.currentTarget.value)} data-testid="assign-team">
              <option value="">{t('assign.choose')}</option>
              {board.setup.pitchOrder.map((id) => <option key={id} value={id}>{teamName(id)}</option>)}
            </select>
          )}</Field>
          <Field label={t('assign.from')}>{(c) => (
            <select {...c} value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="assign-from">
              <option value="">{t('assign.nobody')}</option>
              {[...everyone].map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            </select>
          )}</Field>
          <Field label={t('assign.to')}>{(c) => (
            <select {...c} value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="assign-to">
              <option value="">{t('assign.nobody')}</option>
              {[...everyone].map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            </select>
          )}</Field>
          <Message text={error} />
          <Message kind="info" text={done} />
          <SubmitButton busy={busy} idle={t('assign.submit')} busyText={t('assign.busy')} testId="assign-submit" />
        </form>
      )}
    </section>
  );
}
