import './judging.css';
import { useEffect, useState } from 'preact/hooks';
import { formatNumber, t } from '../i18n';
import type { PageProps } from '../router';
import { getCamp, getMembers } from '../api/camps';
import { describe } from '../ui/describe';
import { Empty, Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { streamName } from '../live/streams';
import { watchStream } from '../live/streamStore';
import { ApiProblem } from '../api/http';
import { csvUrl, getLeaderboard, getSetup, lockJudging, saveSetup, type Leaderboard } from './judgingApi';
import { AssignPanel, type Person } from './AssignPanel';
import { SetupPanel } from './SetupPanel';
import { AuditPanel } from './AuditPanel';

const round1 = (n: number) => formatNumber(Math.round(n * 10) / 10);

/**
 * /camps/<camp>/judging (organizers): the fitted ranking with each rank's interval and where more
 * judgments are needed, raw means and z-scores beside it, the ranking within each track, judges' progress,
 * the audit trail, lock, and the CSV export. Refreshed whenever the judging stream says a score came in.
 */
export default function LeaderboardPage({ params }: PageProps) {
  const campId = params.campId;
  usePageTitle(t('leaderboard.title'));
  const [board, setBoard] = useState<Leaderboard | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [judges, setJudges] = useState<Person[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [unconfigured, setUnconfigured] = useState(false);
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    // Judging not set up yet is a normal state, not a refusal: the setup says so (version 0, the defaults),
    // so the page asks for a leaderboard only once there is one and the console stays clean before judging.
    let configured = false;
    const load = async () => {
      try {
        if (!configured) configured = (await getSetup(campId)).version > 0;
        if (!configured) { setUnconfigured(true); return; }
        setBoard(await getLeaderboard(campId));
        setError(null);
        setUnconfigured(false);
      } catch (e) {
        if (e instanceof ApiProblem && e.code === 'judging.not-configured') setUnconfigured(true);
        else setError(describe(e));
      }
    };
    void load();
    getCamp(campId).then((camp) => setNames(Object.fromEntries(camp.teams.map((team) => [team.teamId, team.name]))), () => undefined);
    getMembers(campId).then((members) => setJudges(members.filter((m) => m.role === 'Judge').map((m) => ({ id: m.personId, name: m.name }))), () => undefined);
    const stream = watchStream<number>(streamName('judging', campId), {
      fromSnapshot: () => 0,
      reduce: (n) => n + 1,
      onChange: () => { void load(); setChanges((n) => n + 1); },
      onRefused: (_code, detail) => setError(detail),
    });
    return () => stream.stop();
  }, [campId]);

  const back = <p><a href={`/camps/${campId}`} data-testid="back-to-camp">{t('camp.backToCamp')}</a></p>;
  // Judging not set up yet: one button starts it with the default rubric (five criteria, 1–10) and the
  // camp's teams in the order they were added.
  const start = async () => {
    setBusy(true);
    try {
      const setup = await getSetup(campId);
      await saveSetup(campId, { rubric: setup.rubric, tracks: setup.tracks, pitchOrder: setup.pitchOrder, cutoffs: setup.cutoffs,
        audienceWeight: setup.audienceWeight, basedOnVersion: setup.version, idempotencyKey: crypto.randomUUID().replaceAll('-', '') });
      setBoard(await getLeaderboard(campId));
      setUnconfigured(false);
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };
  if (unconfigured) return (
    <div class="leaderboard-page">
      <h1>{t('leaderboard.title')}</h1>
      {back}
      <Message text={error} />
      <p>{t('leaderboard.notStarted')}</p>
      <button type="button" class="primary" onClick={start} disabled={busy} data-testid="start-judging">{t('leaderboard.start')}</button>
    </div>
  );
  if (!board) return error ? <><Message text={error} />{back}</> : <Loading text={t('leaderboard.loading')} />;
  const nameOf = (id: string) => names[id] ?? '…';
  // Pairwise mode: the score is the chance to beat an average team, the raw view the share of comparisons won, and there is no z-score.
  const pairwise = board.setup.mode === 'Pairwise';
  const toggleLock = async () => {
    setBusy(true);
    try {
      const setup = await lockJudging(campId, !board.setup.locked);
      setBoard({ ...board, setup });
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="leaderboard-page">
      <h1>{t('leaderboard.title')}</h1>
      {back}
      <Message text={error} />
      <p>
        <button type="button" onClick={toggleLock} disabled={busy} data-testid="lock-judging">{board.setup.locked ? t('leaderboard.reopen') : t('leaderboard.lock')}</button>
        {' '}<a href={csvUrl(campId)} download>{t('leaderboard.csv')}</a>
      </p>
      <p class="muted">{t(pairwise ? 'leaderboard.explainPairwise' : 'leaderboard.explain', { weight: formatNumber(Math.round(board.setup.audienceWeight * 100)) })}</p>
      {board.lines.length === 0 ? <Empty>{t('leaderboard.empty')}</Empty> : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('leaderboard.title')}>
          <table data-testid="leaderboard">
            <caption class="visually-hidden">{t('leaderboard.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('leaderboard.rank')}</th><th scope="col">{t('leaderboard.team')}</th>
                <th scope="col">{t('leaderboard.score')}</th><th scope="col">{pairwise ? t('leaderboard.wins') : t('leaderboard.raw')}</th>
                {!pairwise && <th scope="col">{t('leaderboard.z')}</th>}<th scope="col">{pairwise ? t('leaderboard.comparisons') : t('leaderboard.judgments')}</th>
                <th scope="col">{t('leaderboard.interval')}</th>
              </tr>
            </thead>
            <tbody>
              {board.lines.map((line) => (
                <tr key={line.teamId} class={line.needsMoreJudgments ? 'uncertain' : undefined}>
                  <td>{formatNumber(line.rank)}</td>
                  <th scope="row"><User>{nameOf(line.teamId)}</User></th>
                  <td>{round1(line.typical)}</td><td>{round1(line.rawMean)}</td>{!pairwise && <td>{round1(line.zMean)}</td>}
                  <td>{formatNumber(line.judgments)}</td>
                  <td>{line.rankLow === line.rankHigh ? formatNumber(line.rankLow) : `${formatNumber(line.rankLow)}–${formatNumber(line.rankHigh)}`}
                    {line.needsMoreJudgments && <> · <strong>{t('leaderboard.needsMore')}</strong></>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {board.unjudged.length > 0 && <p>{t('leaderboard.unjudged')}: {board.unjudged.map((id, i) => <>{i > 0 && ', '}<User>{nameOf(id)}</User></>)}</p>}
      {board.tracks.length > 0 && (
        <section aria-labelledby="tracks-title" data-testid="track-rankings">
          <h2 id="tracks-title">{t('leaderboard.tracks')}</h2>
          {board.tracks.map((track) => (
            <div key={track.trackId} class="track-ranking">
              <h3><User>{track.name}</User></h3>
              {track.order.length === 0 ? <p class="muted">{t('leaderboard.trackEmpty')}</p>
                : <ol>{track.order.map((id) => <li key={id}><User>{nameOf(id)}</User></li>)}</ol>}
            </div>
          ))}
        </section>
      )}
      <AssignPanel campId={campId} board={board} teamName={nameOf} judges={judges} onBoard={setBoard} />
      <AuditPanel campId={campId} board={board} teamName={nameOf} changes={changes} />
      <SetupPanel campId={campId} setup={board.setup} teamName={nameOf} onSaved={(setup) => setBoard({ ...board, setup })} />
    </div>
  );
}
