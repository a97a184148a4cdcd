import { useState } from 'preact/hooks';
import { formatNumber, t } from '../i18n';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { User } from '../ui/text';
import { newKey, raiseHand, withdrawHand, type QueueView } from './mentorsApi';
import { aboutMinutes, estimatedWaitMinutes, openRequestOf, placeOf } from './queue';

const parseTags = (text: string) => text.split(/[\s,]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);

/** The team raises its hand with a topic and tags, then sees its place and estimated wait change live. */
export function HandPanel({ campId, teamId, queue }: { campId: string; teamId: string; queue: QueueView | null }) {
  const [topic, setTopic] = useState('');
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = queue ? openRequestOf(queue, teamId) : undefined;
  const run = (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    action().catch((e: unknown) => setError(describe(e))).finally(() => setBusy(false));
  };

  if (open && queue) {
    const place = placeOf(queue, open.requestId);
    const wait = estimatedWaitMinutes(place, queue.averageHandlingMinutes, queue.mentorsOnDuty);
    return (
      <section class="card hand" aria-labelledby="hand-title">
        <h2 id="hand-title">{t('mentors.handUp')}</h2>
        <p><User>{open.topic}</User></p>
        <p class="status-line" role="status" aria-live="polite" data-testid="hand-status">
          {open.status === 'Taken'
            ? <>{t('mentors.takenBy')} <User>{open.mentorName ?? ''}</User></>
            : t('mentors.place', { place: formatNumber(place), minutes: formatNumber(aboutMinutes(wait)) })}
        </p>
        {open.status === 'Waiting' && (
          <button type="button" class="secondary" disabled={busy} onClick={() => run(() => withdrawHand(campId, teamId, open.requestId, newKey()))}>
            {t('mentors.withdraw')}
          </button>
        )}
        <Message text={error} />
      </section>
    );
  }
  return (
    <section class="card hand" aria-labelledby="hand-title">
      <h2 id="hand-title">{t('mentors.raiseTitle')}</h2>
      <form onSubmit={(e) => {
        e.preventDefault();
        run(() => raiseHand(campId, teamId, topic.trim(), parseTags(tags), newKey()).then(() => setTopic('')));
      }}>
        <label for="hand-topic">{t('mentors.topic')}</label>
        <input id="hand-topic" value={topic} required minLength={3} maxLength={200} dir="auto" onInput={(e) => setTopic(e.currentTarget.value)} data-testid="hand-topic" />
        <label for="hand-tags">{t('mentors.tags')}</label>
        <p class="hint" id="hand-tags-hint">{t('mentors.tagsHint')}</p>
        <input id="hand-tags" value={tags} aria-describedby="hand-tags-hint" onInput={(e) => setTags(e.currentTarget.value)} data-testid="hand-tags" />
        <button type="submit" disabled={busy || !queue} data-testid="raise-hand">{t('mentors.raise')}</button>
      </form>
      <Message text={error} />
    </section>
  );
}
