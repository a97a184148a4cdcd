import { useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PageProps } from '../router';
import { LiveBadge } from '../camp/LiveBadge';
import { useCamp } from '../camp/useCamp';
import { Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { DotsEditor } from './DotsEditor';
import { PollControls } from './PollControls';
import { TallyBars } from './TallyBars';
import { usePoll } from './usePoll';
import { useRole } from './useRole';

/** /camps/<id>/vote: participants spread their dots over the problems; everyone sees the tally live. */
export default function VotePage({ params }: PageProps) {
  const campId = params.campId;
  const [reload, setReload] = useState(0);
  const { tally, failure } = usePoll(campId, reload);
  const role = useRole(campId);
  // Dots count only in the Teams phase (poll.phase otherwise): outside it the page says so instead of offering a
  // Save that is refused; live, so the editor appears the moment the organizer moves the camp to Teams.
  const phase = useCamp(campId).snapshot.value?.phase;
  usePageTitle(t('vote.title'));

  if (failure && !tally) return <Message text={failure} />;
  if (tally === null || role === undefined) return <Loading text={t('vote.loading')} />;
  const poll = tally === 'none' ? null : tally;
  return (
    <div class="vote">
      <div class="page-head"><h1>{poll ? <User>{poll.title}</User> : t('vote.title')}</h1><LiveBadge /></div>
      <p><a href={`/camps/${campId}`}>{t('camp.backToCamp')}</a> · <a href={`/camps/${campId}/statements`} data-testid="statements-link">{t('statements.link')}</a></p>
      <Message text={failure} />
      {!poll && role !== 'Organizer' && <p class="empty">{t('vote.notOpen')}</p>}
      {poll && (
        <section class="card" aria-labelledby="tally-heading">
          <h2 id="tally-heading">{poll.closed ? t('vote.result') : t('vote.tally')}</h2>
          <p class="muted" aria-live="polite">{t('vote.voters', { count: poll.voters })}{poll.closed && ` · ${t('vote.closed')}`}</p>
          <TallyBars tally={poll} />
        </section>
      )}
      {poll && role === 'Participant' && phase === 'Teams' && <DotsEditor campId={campId} tally={poll} />}
      {poll && role === 'Participant' && phase && phase !== 'Teams' && !poll.closed && <p class="empty" data-testid="dots-phase">{t('error.poll.phase')}</p>}
      {role === 'Organizer' && <PollControls campId={campId} tally={poll} opened={() => setReload((n) => n + 1)} />}
    </div>
  );
}
