import { useState } from 'preact/hooks';
import { formatNumber, t } from '../i18n';
import { User } from '../ui/text';
import { JudgeDeckLink } from '../artifacts/JudgeDeckLink';
import type { JudgeOp, JudgeSheet, PairVerdict, SheetEntry } from './judgingApi';
import { localPair } from './judgeLocal';
import type { VerdictConflict } from './scoreOutbox';

const newKey = () => crypto.randomUUID().replaceAll('-', '');
const samePair = (a: readonly string[], b: readonly string[]) => (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);

/**
 * Pairwise mode on the judge's tablet: two teams side by side, one large button each ("pitched better"),
 * "skip this pair" and "… did not pitch" per team, and the judge's verdicts so far, each of which can be
 * given again the other way (a revision) until judging is locked. Verdicts and skips go through the same
 * device outbox as scores, so what is done offline is kept and sent later; meanwhile the next pair is
 * chosen on the device (the server's choice again once it answers).
 */
export function PairJudging({ campId, sheet, entries, off, verdicts, skipped, nameOf, send, conflicts, settle }: {
  campId: string;
  sheet: JudgeSheet;
  entries: ReadonlyMap<string, SheetEntry>;
  off: ReadonlySet<string>;
  verdicts: readonly PairVerdict[];
  skipped: readonly (readonly [string, string])[];
  nameOf: (id: string) => string;
  send: (op: JudgeOp) => void;
  conflicts: readonly VerdictConflict[];
  settle: (conflict: VerdictConflict) => void;
}) {
  const [chosen, setChosen] = useState<readonly string[] | null>(null);
  const pair = chosen ?? localPair(sheet, entries, off, verdicts, skipped);
  const mine = pair ? verdicts.find((v) => samePair([v.first, v.second], pair)) : undefined;
  // A verdict names the version of the one it replaces as this device knows it; the same verdict again changes nothing.
  const give = (first: string, second: string, better: string) => {
    const known = verdicts.find((v) => samePair([v.first, v.second], [first, second]));
    if (known?.better !== better) send({ kind: 'comparisons', body: { first, second, better, basedOnVersion: known?.version ?? 0, idempotencyKey: newKey() } });
  };
  const decide = (better: string) => {
    if (!pair) return;
    give(pair[0]!, pair[1]!, better);
    setChosen(null);
  };
  // A verdict refused as stale: the other device's verdict is shown beside this one; the judge picks again.
  const conflict = sheet.setup.locked ? undefined : conflicts[0];
  const currentOf = (c: VerdictConflict) => {
    const known = verdicts.find((v) => samePair([v.first, v.second], [c.first, c.second]));
    // The sheet may not have caught up with the other device yet: the refusal's verdict is the later one then.
    return (c.current && (!known?.at || c.current.version > known.version) ? c.current : known) ?? null;
  };
  const again = (c: VerdictConflict, better: string) => {
    const current = currentOf(c);
    if (current?.better !== better)
      send({ kind: 'comparisons', body: { first: c.first, second: c.second, better, basedOnVersion: current?.version ?? 0, idempotencyKey: newKey() } });
    settle(c);
  };
  const skip = () => {
    if (!pair) return;
    send({ kind: 'pair-skips', body: { first: pair[0]!, second: pair[1]!, basedOnVersion: mine?.version ?? 0, idempotencyKey: newKey() } });
    setChosen(null);
  };
  // A team that did not pitch is reported on the judge's sheet as in score mode; its pairs wait until last.
  const absent = (team: string) => {
    send({ kind: 'skips', body: { teamId: team, absent: true, basedOnVersion: entries.get(team)?.version ?? 0, idempotencyKey: newKey() } });
    setChosen(null);
  };

  const theirs = conflict ? currentOf(conflict) : null;
  const otherOf = (v: { first: string; second: string; better: string }) => (v.better === v.first ? v.second : v.first);

  return (
    <>
      {conflict && (
        <section class="compare-teams verdict-conflict" role="alert" aria-labelledby="conflict-title" data-testid="verdict-conflict">
          <h2 id="conflict-title">{t('judge.verdictConflictTitle')}</h2>
          <p>{theirs
            ? t('judge.verdictConflictTheirs', { better: nameOf(theirs.better), other: nameOf(otherOf(theirs)) })
            : t('judge.verdictConflictNone')}{' '}
            {t('judge.verdictConflictMine', { better: nameOf(conflict.better), other: nameOf(otherOf(conflict)) })}</p>
          <div class="pair">
            {[conflict.first, conflict.second].map((team, i) => (
              <div key={team} class="pair-team">
                <button type="button" class="primary" onClick={() => again(conflict, team)} data-testid={`again-better-${i}`}>
                  {t('judge.better', { team: nameOf(team) })}</button>
              </div>
            ))}
          </div>
        </section>
      )}
      {sheet.setup.locked ? null : pair ? (
        <section class="compare-teams" aria-labelledby="compare-title">
          <h2 id="compare-title">{t('judge.compareTitle')}</h2>
          <div class="pair">
            {pair.map((team, i) => (
              <div key={team} class="pair-team">
                <h3><User>{nameOf(team)}</User></h3>
                <JudgeDeckLink campId={campId} teamId={team} />
                <button type="button" class={mine?.better === team ? 'primary chosen' : 'primary'} onClick={() => decide(team)}
                  data-testid={`better-${i}`}>{t('judge.better', { team: nameOf(team) })}</button>
                {!mine && <button type="button" class="secondary" onClick={() => absent(team)} data-testid={`absent-${i}`}>
                  {t('judge.pairAbsent', { team: nameOf(team) })}</button>}
              </div>
            ))}
          </div>
          <div class="actions">
            {!mine && <button type="button" onClick={skip} data-testid="skip-pair">{t('judge.skipPair')}</button>}
            {chosen && <button type="button" onClick={() => setChosen(null)} data-testid="next-pair">{t('judge.next')}</button>}
          </div>
        </section>
      ) : <p class="empty" data-testid="all-done">{t('judge.allDone')}</p>}
      <section aria-labelledby="my-verdicts-title">
        <h2 id="my-verdicts-title">{t('judge.myVerdicts', { count: formatNumber(verdicts.length) })}</h2>
        <ul class="my-scores">
          {verdicts.map((v) => {
            const other = v.better === v.first ? v.second : v.first;
            return (
              <li key={`${v.first}-${v.second}`}>
                <button type="button" class="link-button" disabled={sheet.setup.locked} onClick={() => setChosen([v.first, v.second])}>
                  {t('judge.verdict', { better: nameOf(v.better), other: nameOf(other) })}</button>
                {!v.at && <span class="muted"> · {t('judge.notSynced')}</span>}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
