import { useState } from 'preact/hooks';
import { navigate } from '../router';
import { formatNumber, t } from '../i18n';
import { sameId } from '../live/applyEvent';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { User } from '../ui/text';
import { newKey, takeRequest, type QueueView } from './mentorsApi';
import { aboutMinutes, minutesSince, waiting } from './queue';
import { useNow } from './useLiveStream';

/**
 * The live help queue as mentors and organizers see it: who waits for how long and about what; a mentor
 * takes the next request matching their tags, or a specific one, and goes to the session screen.
 */
export function QueuePanel({ campId, queue, mentorId }: { campId: string; queue: QueueView; mentorId: string | null }) {
  const now = useNow(30000);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = waiting(queue);
  const mine = mentorId ? queue.requests.filter((r) => r.status === 'Taken' && sameId(r.mentorId ?? '', mentorId)) : [];
  const take = (requestId: string | null) => {
    setBusy(true);
    setError(null);
    takeRequest(campId, requestId, newKey())
      .then((taken) => navigate(`/camps/${campId}/teams/${taken.request.teamId}/mentoring`), (e: unknown) => setError(describe(e)))
      .finally(() => setBusy(false));
  };

  return (
    <section class="card" aria-labelledby="queue-title">
      <h2 id="queue-title">{t('mentors.queue')}</h2>
      <p class="status-line" role="status" aria-live="polite" data-testid="queue-length">
        {t('mentors.queueLength', { count: formatNumber(list.length), minutes: formatNumber(aboutMinutes(queue.averageHandlingMinutes)) })}
      </p>
      {mentorId && <button type="button" disabled={busy || list.length === 0} onClick={() => take(null)} data-testid="take-next">{t('mentors.takeNext')}</button>}
      <Message text={error} />
      {list.length === 0 ? <p class="empty">{t('mentors.nobodyWaiting')}</p> : (
        <ol class="queue">
          {list.map((r) => (
            <li key={r.requestId} class={r.flagged ? 'flagged' : undefined} data-testid={`request-${r.teamName}`}>
              <strong><User>{r.teamName}</User></strong>: <User>{r.topic}</User>
              {r.tags.length > 0 && <span class="muted"> · {r.tags.join(', ')}</span>}
              <br /><span class="muted">{t('mentors.waitingFor', { minutes: formatNumber(minutesSince(r.raisedAt, now)) })}</span>
              {r.flagged && <> <span class="badge warn">{t('mentors.flagged', { minutes: queue.flagAfterMinutes })}</span></>}
              {mentorId && <> <button type="button" class="secondary" disabled={busy} onClick={() => take(r.requestId)}>{t('mentors.take')}</button></>}
            </li>
          ))}
        </ol>
      )}
      {mine.length > 0 && (
        <>
          <h3>{t('mentors.mySessions')}</h3>
          <ul>
            {mine.map((r) => <li key={r.requestId}><a href={`/camps/${campId}/teams/${r.teamId}/mentoring`}><User>{r.teamName}</User>: <User>{r.topic}</User></a></li>)}
          </ul>
        </>
      )}
    </section>
  );
}
