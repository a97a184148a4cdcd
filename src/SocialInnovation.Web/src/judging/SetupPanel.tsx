import { useState } from 'preact/hooks';
import { formatNumber, t } from '../i18n';
import { describe } from '../ui/describe';
import { SubmitButton } from '../ui/Field';
import { Message } from '../ui/Message';
import { saveSetup, type JudgingSetup } from './judgingApi';

type Criterion = JudgingSetup['rubric']['criteria'][number];
type Track = JudgingSetup['tracks'][number];

/** Ids the server accepts (`^[a-z][a-z0-9-]{0,31}$`) for criteria and tracks the organizer adds; names may be in any script. */
const freshId = (prefix: string, taken: readonly { id: string }[]) => {
  let n = taken.length + 1;
  while (taken.some((x) => x.id === `${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
};

/**
 * The organizer's judging setup: the rubric (names, weights, scales), tracks and the teams in each, the
 * cut-offs that matter and how much the audience counts. Saved with the version it was based on, so two
 * organizers editing at once never overwrite each other; the rubric is refused once judges scored with it.
 */
export function SetupPanel({ campId, setup, teamName, onSaved }: {
  campId: string;
  setup: JudgingSetup;
  teamName: (id: string) => string;
  onSaved: (setup: JudgingSetup) => void;
}) {
  const [criteria, setCriteria] = useState<Criterion[]>(setup.rubric.criteria.map((c) => ({ ...c })));
  const [tracks, setTracks] = useState<Track[]>(setup.tracks.map((x) => ({ ...x, teams: [...x.teams] })));
  const [cutoffs, setCutoffs] = useState(setup.cutoffs.join(', '));
  const [audience, setAudience] = useState(String(Math.round(setup.audienceWeight * 100)));
  const [mode, setMode] = useState<JudgingSetup['mode']>(setup.mode ?? 'Scores');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const editCriterion = (i: number, change: Partial<Criterion>) => setCriteria(criteria.map((c, j) => (j === i ? { ...c, ...change } : c)));
  const editTrack = (i: number, change: Partial<Track>) => setTracks(tracks.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const toggleTeam = (i: number, team: string, on: boolean) =>
    editTrack(i, { teams: on ? [...tracks[i]!.teams, team] : tracks[i]!.teams.filter((x) => x !== team) });
  const totalWeight = criteria.reduce((sum, c) => sum + (Number(c.weight) || 0), 0);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    const cuts = cutoffs.split(/[,;\s]+/).filter(Boolean).map(Number);
    if (cuts.some((k) => !Number.isInteger(k) || k < 1)) {
      setError(t('setup.badCutoffs'));
      return;
    }
    setBusy(true);
    try {
      const next = await saveSetup(campId, {
        rubric: { criteria: criteria.map((c) => ({ ...c, weight: Number(c.weight), min: Number(c.min), max: Number(c.max) })) },
        tracks, pitchOrder: setup.pitchOrder, cutoffs: cuts, audienceWeight: Number(audience) / 100, mode,
        basedOnVersion: setup.version, idempotencyKey: crypto.randomUUID().replaceAll('-', ''),
      });
      onSaved(next);
      setSaved(t('setup.saved'));
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="setup-panel">
      <summary>{t('setup.title')}</summary>
      <form onSubmit={submit} data-testid="setup-form">
        <fieldset>
          <legend>{t('setup.mode')}</legend>
          <label class="check"><input type="radio" name="judging-mode" checked={mode !== 'Pairwise'} onChange={() => setMode('Scores')} /> {t('setup.modeScores')}</label>
          <label class="check"><input type="radio" name="judging-mode" checked={mode === 'Pairwise'} onChange={() => setMode('Pairwise')} data-testid="mode-pairwise" /> {t('setup.modePairwise')}</label>
        </fieldset>
        <fieldset>
          <legend>{t('setup.rubric')}</legend>
          <p class="hint">{t('setup.weightsHint', { total: formatNumber(totalWeight) })}</p>
          {criteria.map((c, i) => (
            <div class="criterion-row" key={c.id}>
              <label>{t('setup.criterion')} <input value={c.name} maxLength={60} required onInput={(e) => editCriterion(i, { name: e.currentTarget.value })} /></label>
              <label>{t('setup.weight')} <input type="number" min={0.1} max={100} step="any" value={c.weight} required
                onInput={(e) => editCriterion(i, { weight: Number(e.currentTarget.value) })} /></label>
              <label>{t('setup.from')} <input type="number" min={0} max={99} value={c.min} required onInput={(e) => editCriterion(i, { min: Number(e.currentTarget.value) })} /></label>
              <label>{t('setup.to')} <input type="number" min={1} max={100} value={c.max} required onInput={(e) => editCriterion(i, { max: Number(e.currentTarget.value) })} /></label>
              <button type="button" onClick={() => setCriteria(criteria.filter((_, j) => j !== i))} disabled={criteria.length <= 1}
                aria-label={t('setup.removeCriterion', { name: c.name })}>{t('setup.remove')}</button>
            </div>
          ))}
          <button type="button" disabled={criteria.length >= 12}
            onClick={() => setCriteria([...criteria, { id: freshId('c', criteria), name: t('setup.newCriterion'), description: '', weight: 1, min: 1, max: 10 }])}>
            {t('setup.addCriterion')}</button>
        </fieldset>
        <fieldset>
          <legend>{t('setup.tracks')}</legend>
          {tracks.length === 0 && <p class="hint">{t('setup.noTracks')}</p>}
          {tracks.map((track, i) => (
            <fieldset class="track" key={track.id}>
              <legend><label>{t('setup.trackName')} <input value={track.name} maxLength={60} required onInput={(e) => editTrack(i, { name: e.currentTarget.value })} /></label></legend>
              {setup.pitchOrder.map((team) => (
                <label class="check" key={team}><input type="checkbox" checked={track.teams.includes(team)}
                  onChange={(e) => toggleTeam(i, team, e.currentTarget.checked)} /> {teamName(team)}</label>
              ))}
              <button type="button" onClick={() => setTracks(tracks.filter((_, j) => j !== i))} aria-label={t('setup.removeTrack', { name: track.name })}>{t('setup.remove')}</button>
            </fieldset>
          ))}
          <button type="button" disabled={tracks.length >= 20}
            onClick={() => setTracks([...tracks, { id: freshId('track', tracks), name: t('setup.newTrack'), teams: [] }])}>{t('setup.addTrack')}</button>
        </fieldset>
        <label>{t('setup.cutoffs')} <input value={cutoffs} inputMode="numeric" onInput={(e) => setCutoffs(e.currentTarget.value)} aria-describedby="cutoffs-hint" /></label>
        <p class="hint" id="cutoffs-hint">{t('setup.cutoffsHint')}</p>
        <label>{t('setup.audience')} <input type="number" min={0} max={50} value={audience} onInput={(e) => setAudience(e.currentTarget.value)} /> %</label>
        <Message text={error} />
        <Message kind="info" text={saved} />
        <SubmitButton busy={busy} idle={t('setup.save')} busyText={t('setup.saving')} testId="setup-save" />
      </form>
    </details>
  );
}
