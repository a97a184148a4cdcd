import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../i18n';
import { IdempotentSubmission } from '../api/idempotency';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { castDots, getPoll, type PollTally } from './intakeApi';

/**
 * A participant's dots: − and + per option (buttons, so the keyboard and a screen reader work alike),
 * then Save. A save sends the whole allocation, which replaces the earlier one: a retry counts once.
 */
export function DotsEditor({ campId, tally }: { campId: string; tally: PollTally }) {
  const [dots, setDots] = useState<Record<string, number> | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const submission = useMemo(() => new IdempotentSubmission(`dots:${tally.pollId}`), [tally.pollId]);

  useEffect(() => {
    getPoll(campId, tally.pollId).then((view) => setDots({ ...view.myDots }), (e: unknown) => setMessage({ kind: 'error', text: describe(e) }));
  }, [campId, tally.pollId]);

  if (!dots) return null;
  const used = Object.values(dots).reduce((a, b) => a + b, 0);
  const left = tally.dotsPerVoter - used;
  const change = (id: string, by: number) => setDots({ ...dots, [id]: Math.max(0, (dots[id] ?? 0) + by) });

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const allocation = Object.fromEntries(Object.entries(dots!).filter(([, n]) => n > 0));
    try {
      await submission.run((key) => castDots(campId, tally.pollId, allocation, key), allocation);
      setMessage({ kind: 'info', text: t('vote.saved') });
    } catch (error) {
      setMessage({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card dots" onSubmit={(e) => void save(e)} aria-labelledby="dots-heading">
      <h2 id="dots-heading">{t('vote.yourDots')}</h2>
      <p role="status" data-testid="dots-left">{t('vote.dotsLeft', { left, total: tally.dotsPerVoter })}</p>
      <ul class="dot-options">
        {tally.options.map((o) => (
          <li key={o.id}>
            <span class="dot-label" id={`opt-${o.id}`}><bdi>{o.label}</bdi></span>
            <button type="button" class="secondary" disabled={tally.closed || !dots[o.id]} onClick={() => change(o.id, -1)}
              aria-label={t('vote.less', { option: o.label })}>−</button>
            <output aria-labelledby={`opt-${o.id}`} data-testid={`mine-${o.id}`}>{dots[o.id] ?? 0}</output>
            <button type="button" class="secondary" disabled={tally.closed || left <= 0} onClick={() => change(o.id, 1)}
              aria-label={t('vote.more', { option: o.label })} data-testid={`more-${o.id}`}>+</button>
          </li>
        ))}
      </ul>
      <div aria-live="polite">{message && <Message kind={message.kind} text={message.text} />}</div>
      {!tally.closed && <div class="actions"><button type="submit" disabled={busy || left < 0} data-testid="dots-save">{busy ? t('vote.saving') : t('vote.save')}</button></div>}
    </form>
  );
}
