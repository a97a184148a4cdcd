import './judging.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorText, formatNumber, t } from '../i18n';
import type { PageProps } from '../router';
import { getCamp } from '../api/camps';
import { ApiProblem } from '../api/http';
import { keepForOffline } from '../offline/serviceWorker';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { getSheet, StaleVerdict, type JudgeOp, type JudgeSheet, type SheetEntry } from './judgingApi';
import { keptOff, localEntries, localNext, localPairProgress, localSkippedPairs, localVerdicts } from './judgeLocal';
import { PairJudging } from './PairJudging';
import { JudgeDeckLink } from '../artifacts/JudgeDeckLink';
import { lastSheet, scoreOutbox, teamNames, verdictConflicts, type ScoreOutbox, type VerdictConflict } from './scoreOutbox';

const newKey = () => crypto.randomUUID().replaceAll('-', '');
const pairProgress = (p: { compared: number; remaining: number; skipped: number }) =>
  t('judge.pairProgress', { compared: formatNumber(p.compared), remaining: formatNumber(p.remaining), skipped: formatNumber(p.skipped) });

/**
 * /camps/<camp>/judge: one team at a time in pitch order, a row of large buttons per criterion, comment,
 * save / skip / absent / undo, progress, and an honest sync indicator. Scores made without a connection are
 * kept on the device and sent when it returns; the last sheet is kept too, so a reload offline shows it.
 */
export default function JudgePage({ params }: PageProps) {
  const campId = params.campId;
  usePageTitle(t('judge.title'));
  const [sheet, setSheet] = useState<JudgeSheet | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  // Until what the device kept is read, the page cannot tell "saved" from "waiting to sync".
  const [deviceRead, setDeviceRead] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [, rerender] = useState(0);
  const [chosen, setChosen] = useState<string | null>(null);
  const [marks, setMarks] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [conflictOpen, setConflictOpen] = useState(false);
  const [reason, setReason] = useState('');
  // Verdicts refused because the pair was judged on another device meanwhile: shown until the judge decides again.
  const [conflicts, setConflicts] = useState<VerdictConflict[]>([]);
  const outbox = useRef<ScoreOutbox | null>(null);
  const changeConflicts = (change: (list: VerdictConflict[]) => VerdictConflict[]) => setConflicts((list) => {
    const next = change(list);
    verdictConflicts.write(campId, next);
    return next;
  });

  const received = (next: JudgeSheet) => {
    lastSheet.write(campId, next);
    setUnreachable(false);
    setError(null);
    setSheet(next);
  };

  // Made during the first render, not in an effect, so that its loading from the device starts at once.
  if (!outbox.current) {
    outbox.current = scoreOutbox(campId, (s) => { received(s); rerender((n) => n + 1); }, (op, problem: ApiProblem) => {
      if (op.kind === 'comparisons' && problem instanceof StaleVerdict) {
        // Never dropped silently: the refused verdict stays on the device as a conflict for the judge to settle.
        const { first, second, better } = op.body;
        changeConflicts((list) => [...list, { first, second, better, current: problem.current }]);
      } else setNotice(errorText(problem.code, problem.detail) ?? t('judge.refused'));
      void getSheet(campId).then(received, () => undefined);
      rerender((n) => n + 1);
    });
  }
  useEffect(() => () => outbox.current?.stop(), []);

  useEffect(() => {
    let left = false;
    // This page must open again without a connection: the service worker keeps the app on the device.
    keepForOffline();
    void Promise.all([outbox.current!.ready, lastSheet.read(campId), teamNames.read(campId), verdictConflicts.read(campId)]).then(([, keptSheet, keptNames, keptConflicts]) => {
      if (left) return;
      if (keptConflicts?.length) setConflicts((now) => {
        // A refusal that came in before the device was read wrote only itself: keep both.
        const merged = [...keptConflicts, ...now];
        if (now.length > 0) verdictConflicts.write(campId, merged);
        return merged;
      });
      if (keptSheet) setSheet((fromServer) => fromServer ?? keptSheet);
      if (keptNames) setNames((fromServer) => ({ ...keptNames, ...fromServer }));
      setDeviceRead(true);
    });
    const load = () => {
      getSheet(campId).then(received, (e: unknown) => {
        // Without a connection the sheet kept on the device is shown; the sync line says "offline".
        setUnreachable(e instanceof ApiProblem && e.outcomeUnknown);
        setError(describe(e));
      });
      getCamp(campId).then((camp) => {
        const map = Object.fromEntries(camp.teams.map((team) => [team.teamId, team.name]));
        teamNames.write(campId, map);
        setNames(map);
      }, () => undefined);
    };
    load();
    window.addEventListener('online', load);
    return () => {
      left = true;
      window.removeEventListener('online', load);
    };
  }, [campId]);

  const waiting = outbox.current?.waiting ?? [];
  const entries = useMemo(() => (sheet ? localEntries(sheet, waiting) : new Map<string, SheetEntry>()), [sheet, waiting.length]);
  const off = useMemo(() => (sheet ? keptOff(sheet, waiting) : new Set<string>()), [sheet, waiting.length]);
  const verdicts = useMemo(() => (sheet ? localVerdicts(sheet, waiting) : []), [sheet, waiting.length]);
  const skippedPairs = useMemo(() => (sheet ? localSkippedPairs(sheet, waiting, verdicts) : []), [sheet, waiting.length, verdicts]);
  const upNext = sheet ? localNext(sheet, entries, off) : null;
  const current = chosen ?? upNext;

  useEffect(() => {
    // Opening a team shows what this judge already gave it, if anything.
    const entry = current ? entries.get(current) : undefined;
    setMarks(entry?.status === 'Scored' ? { ...entry.marks } : {});
    setComment(entry?.status === 'Scored' ? entry.comment ?? '' : '');
    setConflictOpen(false);
    setReason('');
  }, [current]);

  // A judge leaves the sheet for the camp page (schedule, decks, announcements) and comes back: never a dead end.
  const back = <p><a href={`/camps/${campId}`} data-testid="back-to-camp">{t('camp.backToCamp')}</a></p>;
  if (!sheet || !deviceRead) return error && deviceRead ? <><Message text={error} />{back}</> : <Loading text={t('judge.loading')} />;
  const criteria = sheet.setup.rubric.criteria;
  const entry = current ? entries.get(current) : undefined;
  const complete = criteria.every((c) => marks[c.id] !== undefined);
  const pending = outbox.current?.pending.value ?? 0;
  const scored = [...entries.values()].filter((e) => e.status === 'Scored').length;
  const setAside = [...entries.values()].filter((e) => e.status === 'Skipped' || e.status === 'Absent').length;
  const open = sheet.setup.pitchOrder.filter((id) => !off.has(id)).length - scored;
  const nameOf = (teamId: string) => names[teamId] ?? t('judge.unnamedTeam');

  const send = (op: JudgeOp) => {
    setNotice(null);
    outbox.current?.add(op);
    setChosen(null);
    rerender((n) => n + 1);
  };
  const save = () => {
    if (!current || !complete) return;
    send({ kind: 'scores', body: { teamId: current, marks, comment: comment.trim() || null, basedOnVersion: entry?.version ?? 0, idempotencyKey: newKey() } });
  };
  const skip = (absent: boolean) => current && send({ kind: 'skips', body: { teamId: current, absent, basedOnVersion: entry?.version ?? 0, idempotencyKey: newKey() } });
  const undo = () => current && entry && send({ kind: 'undo', body: { teamId: current, basedOnVersion: entry.version, idempotencyKey: newKey() } });
  const declare = (e: Event) => {
    e.preventDefault();
    if (current && reason.trim().length >= 2) send({ kind: 'conflicts', body: { teamId: current, reason: reason.trim(), idempotencyKey: newKey() } });
  };
  // Previous: the team before this one in pitch order that already has an entry here; next: back to the team waiting.
  const at = current ? sheet.setup.pitchOrder.indexOf(current) : sheet.setup.pitchOrder.length;
  const previous = sheet.setup.pitchOrder.slice(0, Math.max(0, at)).reverse().find((id) => entries.has(id)) ?? null;

  return (
    <div class="judge-page">
      <h1>{t('judge.title')}</h1>
      {back}
      <p class="sync" role="status" aria-live="polite" data-testid="sync-status">
        {pending > 0 ? t('judge.waiting', { count: formatNumber(pending) }) : t('judge.saved')}
        {outbox.current?.stalled.value || unreachable ? ` · ${t('judge.offline')}` : ''}
      </p>
      <p data-testid="progress">{sheet.setup.mode === 'Pairwise'
        ? pairProgress(localPairProgress(sheet, entries, off, verdicts, skippedPairs))
        : t('judge.progress', { scored: formatNumber(scored), remaining: formatNumber(Math.max(0, open)), skipped: formatNumber(setAside) })}</p>
      <Message text={unreachable ? null : error} />
      <Message kind="info" text={notice} />
      {sheet.setup.locked && <Message kind="info" text={t('judge.locked')} />}
      {sheet.setup.mode === 'Pairwise' ? <PairJudging campId={campId} sheet={sheet} entries={entries} off={off} verdicts={verdicts} skipped={skippedPairs} nameOf={nameOf} send={send}
        conflicts={conflicts} settle={(c) => changeConflicts((list) => list.filter((x) => x !== c))} /> : <>
      {current && !sheet.setup.locked ? (
        <section class="score-team" aria-labelledby="score-team-title">
          <h2 id="score-team-title"><User>{nameOf(current)}</User></h2>
          <JudgeDeckLink campId={campId} teamId={current} />
          {criteria.map((c) => (
            <fieldset key={c.id} class="criterion">
              <legend>{c.name} <span class="muted">{c.description}</span></legend>
              <div class="marks">
                {Array.from({ length: c.max - c.min + 1 }, (_, i) => c.min + i).map((mark) => (
                  <label key={mark} class={marks[c.id] === mark ? 'mark chosen' : 'mark'}>
                    <input type="radio" name={`mark-${c.id}`} value={mark} checked={marks[c.id] === mark}
                      onChange={() => setMarks({ ...marks, [c.id]: mark })} data-testid={`mark-${c.id}-${mark}`} />
                    <span>{mark}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <label class="comment">{t('judge.comment')}
            <textarea value={comment} maxLength={1000} dir="auto" onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
          <div class="actions">
            <button type="button" class="primary" disabled={!complete} onClick={save} data-testid="save-score">{entry?.status === 'Scored' ? t('judge.revise') : t('judge.save')}</button>
            <button type="button" onClick={() => skip(false)} data-testid="skip-team">{t('judge.skip')}</button>
            <button type="button" onClick={() => skip(true)} data-testid="absent-team">{t('judge.absent')}</button>
            {entry && entry.version > 0 && <button type="button" disabled={pending > 0} onClick={undo} data-testid="undo-score">{t('judge.undo')}</button>}
            {!entry && <button type="button" aria-expanded={conflictOpen} onClick={() => setConflictOpen(!conflictOpen)} data-testid="declare-conflict">{t('judge.conflict')}</button>}
          </div>
          {!complete && <p class="muted">{t('judge.markEvery')}</p>}
          {conflictOpen && (
            <form class="conflict-form" onSubmit={declare} data-testid="conflict-form">
              <label>{t('judge.conflictReason')}
                <input value={reason} minLength={2} maxLength={200} required dir="auto" onInput={(e) => setReason(e.currentTarget.value)} data-testid="conflict-reason" />
              </label>
              <p class="hint">{t('judge.conflictHint')}</p>
              <button type="submit" disabled={reason.trim().length < 2} data-testid="conflict-submit">{t('judge.conflictSubmit')}</button>
            </form>
          )}
          <div class="actions">
            {previous && <button type="button" onClick={() => setChosen(previous)} data-testid="previous-team">{t('judge.previous')}</button>}
            {chosen && <button type="button" onClick={() => setChosen(null)} data-testid="next-team">{t('judge.next')}</button>}
          </div>
        </section>
      ) : !sheet.setup.locked && <p class="empty" data-testid="all-done">{t('judge.allDone')}</p>}
      <section aria-labelledby="my-scores-title">
        <h2 id="my-scores-title">{t('judge.myScores')}</h2>
        <ul class="my-scores">
          {sheet.setup.pitchOrder.filter((id) => entries.has(id)).map((id) => {
            const e = entries.get(id)!;
            return (
              <li key={id}>
                <button type="button" class="link-button" onClick={() => setChosen(id)} disabled={sheet.setup.locked}><User>{nameOf(id)}</User></button>
                {' · '}{e.status === 'Scored' ? (e.weightedScore !== null ? formatNumber(Math.round(e.weightedScore * 10) / 10) : t('judge.notSynced')) : t(`judge.status.${e.status}`)}
              </li>
            );
          })}
        </ul>
      </section>
      </>}
    </div>
  );
}
