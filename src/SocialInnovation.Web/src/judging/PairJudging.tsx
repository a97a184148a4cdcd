import { useState } from 'preact/hooks';
import { formatNumber, t } from '../i18n';
import { User } from '../ui/text';
import { JudgeDeckLink } from '../artifacts/JudgeDeckLink';
import type { JudgeOp, JudgeSheet } from './judgingApi';

const newKey = () => crypto.randomUUID().replaceAll('-', '');
const samePair = (a: readonly string[], b: readonly string[]) => (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);

/**
 * Pairwise mode on the judge's tablet: two teams side by side, one large button each ("pitched better"),
 * and the judge's verdicts so far, each of which can be given again the other way (a revision) until
 * judging is locked. Verdicts go through the same device outbox as scores, so a verdict given offline is
 * kept and sent later; the next pair comes from the server once the verdict reached it.
 */
export function PairJudging({ campId, sheet, waiting, nameOf, send }: {
  campId: string;
  sheet: JudgeSheet;
  waiting: readonly JudgeOp[];
  nameOf: (id: string) => string;
  send: (op: JudgeOp) => void;
}) {
  const [chosen, setChosen] = useState<readonly string[] | null>(null);
  const sent = waiting.flatMap((op) => (op.kind === 'comparisons' ? [[op.body.first, op.body.second] as const] : []));
  const serverPair = sheet.pair && !sent.some((p) => samePair(p, sheet.pair!)) ? sheet.pair : null;
  const pair = chosen ?? serverPair;
  const verdicts = sheet.verdicts ?? [];
  const mine = (first: string, second: string) => verdicts.find((v) => samePair([v.first, v.second], [first, second]));
  const decide = (better: string) => {
    if (!pair) return;
    send({ kind: 'comparisons', body: { first: pair[0]!, second: pair[1]!, better, idempotencyKey: newKey() } });
    setChosen(null);
  };

  return (
    <>
      {sheet.setup.locked ? null : pair ? (
        <section class="compare-teams" aria-labelledby="compare-title">
          <h2 id="compare-title">{t('judge.compareTitle')}</h2>
          <div class="pair">
            {pair.map((team) => (
              <div key={team} class="pair-team">
                <h3><User>{nameOf(team)}</User></h3>
                <JudgeDeckLink campId={campId} teamId={team} />
                <button type="button" class={mine(pair[0]!, pair[1]!)?.better === team ? 'primary chosen' : 'primary'} onClick={() => decide(team)}
                  data-testid={`better-${pair.indexOf(team)}`}>{t('judge.better', { team: nameOf(team) })}</button>
              </div>
            ))}
          </div>
          {chosen && <button type="button" onClick={() => setChosen(null)} data-testid="next-pair">{t('judge.next')}</button>}
        </section>
      ) : <p class="empty" data-testid="all-done">{sent.length > 0 ? t('judge.pairWaiting') : t('judge.allDone')}</p>}
      <section aria-labelledby="my-verdicts-title">
        <h2 id="my-verdicts-title">{t('judge.myVerdicts', { count: formatNumber(verdicts.length) })}</h2>
        <ul class="my-scores">
          {verdicts.map((v) => {
            const other = v.better === v.first ? v.second : v.first;
            return (
              <li key={`${v.first}-${v.second}`}>
                <button type="button" class="link-button" disabled={sheet.setup.locked} onClick={() => setChosen([v.first, v.second])}>
                  {t('judge.verdict', { better: nameOf(v.better), other: nameOf(other) })}</button>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
