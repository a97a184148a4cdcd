import './audience.css';
import { useEffect, useState } from 'preact/hooks';
import { formatNumber, t } from '../i18n';
import type { PageProps } from '../router';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { usePageTitle } from '../ui/usePageTitle';
import { getSetup, lockJudging, type JudgingSetup } from '../judging/judgingApi';
import {
  audiencePolls, newKey, publishResults, resultsCsvUrl, resultsDraft, saveResults,
  type AudiencePollView, type Award, type AwardKind, type CampResults, type MiniGrant, type RevealOrder,
} from './audienceApi';
import { AwardsList, StandingsTable, WeightLine } from './Standings';

const kinds: AwardKind[] = ['TrackWinner', 'PeoplesChoice', 'BestPrototype', 'Custom'];

/**
 * /camps/<camp>/results/edit (organizers): lock judging → review the preview → publish. Awards, the
 * mini-grant pool and its split, the people's choice poll and the reveal order are saved as a draft
 * (versioned); the standings preview shows exactly what publishing would freeze.
 */
export default function ResultsEditorPage({ params }: PageProps) {
  const campId = params.campId;
  usePageTitle(t('results.editTitle'));
  const [results, setResults] = useState<CampResults | null>(null);
  const [setup, setSetup] = useState<JudgingSetup | null>(null);
  const [polls, setPolls] = useState<AudiencePollView[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [awards, setAwards] = useState<Award[]>([]);
  const [grants, setGrants] = useState<MiniGrant[]>([]);
  const [pool, setPool] = useState(0);
  const [currency, setCurrency] = useState('USD');
  const [pollId, setPollId] = useState<string | null>(null);
  const [reveal, setReveal] = useState<RevealOrder>('LastToFirst');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    Promise.all([resultsDraft(campId), getSetup(campId), audiencePolls(campId)]).then(([r, s, p]) => {
      setResults(r);
      setSetup(s);
      setPolls(p.filter((x) => x.audience.kind === 'PeoplesChoice'));
      setAwards(r.awards);
      setGrants(r.grants);
      setPool(r.grantPool);
      setCurrency(r.currency);
      setPollId(r.audiencePollId ?? p.find((x) => x.audience.kind === 'PeoplesChoice')?.tally.pollId ?? null);
      setReveal(r.reveal);
    }, (e: unknown) => setFailure(describe(e)));
  }, [campId, reload]);

  if (failure && !results) return <Message text={failure} />;
  if (!results || !setup) return <Loading text={t('results.loading')} />;
  const teams = results.standings.map((s) => ({ id: s.teamId, name: s.name }));
  const granted = grants.reduce((sum, g) => sum + (Number.isFinite(g.amount) ? g.amount : 0), 0);
  const run = (work: Promise<unknown>, done: string) => {
    setFailure(null);
    setNotice(null);
    work.then(() => { setNotice(done); setReload((n) => n + 1); }, (e: unknown) => setFailure(describe(e)));
  };

  function save(e: Event) {
    e.preventDefault();
    run(saveResults(campId, { awards, grantPool: pool, currency, grants, audiencePollId: pollId, reveal, basedOnVersion: results!.version, idempotencyKey: newKey() }), t('results.savedDraft'));
  }

  const setAward = (i: number, change: Partial<Award>) => setAwards((all) => all.map((a, j) => j === i ? { ...a, ...change } : a));
  const setGrant = (i: number, change: Partial<MiniGrant>) => setGrants((all) => all.map((g, j) => j === i ? { ...g, ...change } : g));
  const locked = setup.locked;
  return (
    <div class="results-editor">
      <h1>{t('results.editTitle')}</h1>
      <p><a href={`/camps/${campId}`}>{t('camp.backToCamp')}</a> · <a href={`/camps/${campId}/judging`}>{t('leaderboard.title')}</a> · <a href={`/camps/${campId}/audience`}>{t('audience.controlTitle')}</a></p>
      <Message text={failure} />
      <Message kind="info" text={notice} />
      <section class="card" aria-labelledby="steps">
        <h2 id="steps">{t('results.steps')}</h2>
        <ol>
          <li>{locked ? t('results.judgingLocked') : t('results.judgingOpen')}{' '}
            <button type="button" onClick={() => run(lockJudging(campId, !locked), locked ? t('leaderboard.reopen') : t('leaderboard.lock'))}>{locked ? t('leaderboard.reopen') : t('leaderboard.lock')}</button></li>
          <li>{t('results.review')}</li>
          <li>{results.published ? t('results.isPublished') : t('results.notPublished')}{' '}
            <button type="button" data-testid="publish" disabled={!locked && !results.published} onClick={() => run(publishResults(campId, !results.published), results.published ? t('results.withdrawn') : t('results.publishedNow'))}>
              {results.published ? t('results.withdraw') : t('results.publish')}
            </button></li>
        </ol>
        <p><a href={`/camps/${campId}/results`}>{t('results.publicLink')}</a> · <a href={`/camps/${campId}/results/reveal`}>{t('results.revealTitle')}</a> · <a href={resultsCsvUrl(campId)} download>{t('results.csv')}</a></p>
      </section>
      <h2>{results.published ? t('results.standings') : t('results.preview')}</h2>
      <WeightLine results={results} />
      <StandingsTable results={results} />
      {results.published ? <AwardsList results={results} /> : (
        <form onSubmit={save}>
          <h2>{t('results.awards')}</h2>
          {awards.map((a, i) => (
            <fieldset class="row" key={i}>
              <legend class="visually-hidden">{t('results.awardN', { n: i + 1 })}</legend>
              <label>{t('results.awardKind')}<br /><select value={a.kind} onChange={(e) => setAward(i, { kind: (e.target as HTMLSelectElement).value as AwardKind })}>
                {kinds.map((k) => <option key={k} value={k}>{t(`results.award.${k}`)}</option>)}
              </select></label>
              <label>{t('results.awardTitle')}<br /><input value={a.title} required maxLength={80} onInput={(e) => setAward(i, { title: (e.target as HTMLInputElement).value })} /></label>
              <label>{t('results.team')}<br /><TeamSelect teams={teams} value={a.teamId} onChange={(teamId) => setAward(i, { teamId })} /></label>
              {a.kind === 'TrackWinner' && (
                <label>{t('results.track')}<br /><select value={a.trackId ?? ''} onChange={(e) => setAward(i, { trackId: (e.target as HTMLSelectElement).value || null })}>
                  <option value="">—</option>
                  {setup.tracks.map((tr) => <option key={tr.id} value={tr.id}>{tr.name}</option>)}
                </select></label>
              )}
              <button type="button" onClick={() => setAwards((all) => all.filter((_, j) => j !== i))}>{t('results.remove')}</button>
            </fieldset>
          ))}
          <div class="row"><button type="button" disabled={teams.length === 0} onClick={() => setAwards((all) => [...all, { kind: 'Custom', title: '', teamId: teams[0].id, trackId: null }])}>{t('results.addAward')}</button></div>
          <h2>{t('results.grants')}</h2>
          <div class="row">
            <label>{t('results.poolLabel')}<br /><input type="number" min={0} step="0.01" value={pool} onInput={(e) => setPool(Number((e.target as HTMLInputElement).value))} /></label>
            <label>{t('results.currency')}<br /><input value={currency} maxLength={8} onInput={(e) => setCurrency((e.target as HTMLInputElement).value)} /></label>
          </div>
          {grants.map((g, i) => (
            <fieldset class="row" key={i}>
              <legend class="visually-hidden">{t('results.grantN', { n: i + 1 })}</legend>
              <label>{t('results.team')}<br /><TeamSelect teams={teams} value={g.teamId} onChange={(teamId) => setGrant(i, { teamId })} /></label>
              <label>{t('results.amount')}<br /><input type="number" min={0} step="0.01" value={g.amount} onInput={(e) => setGrant(i, { amount: Number((e.target as HTMLInputElement).value) })} /></label>
              <button type="button" onClick={() => setGrants((all) => all.filter((_, j) => j !== i))}>{t('results.remove')}</button>
            </fieldset>
          ))}
          <p class={granted > pool ? 'message message-error' : 'muted'} data-testid="granted">{t('results.granted', { granted: formatNumber(granted), pool: formatNumber(pool), currency })}</p>
          <div class="row"><button type="button" disabled={teams.length === 0} onClick={() => setGrants((all) => [...all, { teamId: teams[0].id, amount: 0 }])}>{t('results.addGrant')}</button></div>
          <h2>{t('results.settings')}</h2>
          <div class="row">
            <label>{t('results.peoplesChoicePoll')}<br /><select value={pollId ?? ''} onChange={(e) => setPollId((e.target as HTMLSelectElement).value || null)}>
              <option value="">{t('results.noPoll')}</option>
              {polls.map((p) => <option key={p.tally.pollId} value={p.tally.pollId}>{p.tally.title} ({p.audience.code})</option>)}
            </select></label>
            <label>{t('results.revealOrder')}<br /><select value={reveal} onChange={(e) => setReveal((e.target as HTMLSelectElement).value as RevealOrder)}>
              <option value="LastToFirst">{t('results.reveal.LastToFirst')}</option>
              <option value="AllAtOnce">{t('results.reveal.AllAtOnce')}</option>
            </select></label>
          </div>
          <div class="row"><button type="submit">{t('results.saveDraft')}</button></div>
        </form>
      )}
    </div>
  );
}

function TeamSelect({ teams, value, onChange }: { teams: { id: string; name: string }[]; value: string; onChange: (teamId: string) => void }) {
  return (
    <select value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
      {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
    </select>
  );
}
