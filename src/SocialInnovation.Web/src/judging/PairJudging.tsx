import { useState } from 'preact/hooks';
import { formatNumber, t } from '../i18n';
import { User } from '../ui/text';
import { JudgeDeckLink } from '../artifacts/JudgeDeckLink';
import type { JudgeOp, JudgeSheet, PairVerdict, SheetEntry } from './judgingApi';
import { localPair } from './judgeLocal';

const newKey = () => crypto.randomUUID().replaceAll('-', '');
const samePair = (a: readonly string[], b: readonly string[]) => (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);

/**
 * Pairwise mode on the judge's tablet: two teams side by side, one large button each ("pitched better"),
 * "skip this pair" and "… did not pitch" per team, and the judge's verdicts so far, each of which can be
 * given again the other way (a revision) until judging is locked. Verdicts and skips go through the same
 * device outbox as scores, so what is done offline is kept and sent later; meanwhile the next pair is
 * chosen on the device (the server's choice again once it answers).
 */
export function PairJudging({ campId, sheet, entries, off, verdicts, skipped, nameOf, send }: {
  campId: string;
  sheet: JudgeSheet;
  entries: ReadonlyMap<string, SheetEntry>;
  off: ReadonlySet<string>;
  verdicts: readonly PairVerdict[];
  skipped: readonly (readonly [string, string])[];
  nameOf: (id: string) => string;
  send: (op: JudgeOp) => void;
}) {
  const [chosen, setChosen] = useState<readonly string[] | null>(null);
  const pair = chosen ?? localPair(sheet, entries, off, verdicts, skipped);
  const mine = pair ? verdicts.find((v) => samePair([v.first, v.second], pair)) : undefined;
  const decide = (better: string) => {
    if (!pair) return;
    send({ kind: 'comparisons', body: { first: pair[0]!, second: pair[1]!, better, idempotencyKey: newKey() } });
    setChosen(null);
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

  return (
    <>
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
