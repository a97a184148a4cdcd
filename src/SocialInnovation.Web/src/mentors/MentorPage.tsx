import './mentors.css';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PageProps } from '../router';
import { ApiProblem } from '../api/http';
import { LiveBadge } from '../camp/LiveBadge';
import { me } from '../session/current';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { usePageTitle } from '../ui/usePageTitle';
import { myCalendar, type MentorCalendar, type QueueView } from './mentorsApi';
import { ProfileForm } from './ProfileForm';
import { QueuePanel } from './QueuePanel';
import { SlotsPanel } from './SlotsPanel';
import { reduceCalendar, reduceQueue } from './streams';
import { useLiveStream } from './useLiveStream';

/** /camps/<camp>/mentor: the mentor's own page — profile, office hours (bookings live), the live help queue. */
export default function MentorPage({ params }: PageProps) {
  const campId = params.campId;
  usePageTitle(t('mentors.mentorTitle'));
  const [calendar, setCalendar] = useState<MentorCalendar | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // No profile yet is the normal first visit: the server answers a blank calendar at version 0 (not a 404).
    myCalendar(campId).then((c) => setCalendar(c.version === 0 ? null : c), (e: unknown) => {
      if (e instanceof ApiProblem && e.code === 'mentor.unknown') setCalendar(null);
      else setError(describe(e));
    });
  }, [campId]);
  const myId = me.value?.personId ?? null;
  const queue = useLiveStream<QueueView>('queue', campId, undefined, reduceQueue);
  // Bookings arrive live on the mentor's own calendar stream once the profile exists.
  const live = useLiveStream<MentorCalendar>('mentor', campId, myId ?? undefined, reduceCalendar, !!calendar && !!myId);
  const shown = live.state && calendar && live.state.version >= calendar.version ? live.state : calendar;

  if (error) return <Message text={error} />;
  if (calendar === undefined) return <Loading text={t('mentors.loading')} />;
  return (
    <div class="mentoring-page">
      <div class="page-head"><h1>{t('mentors.mentorTitle')}</h1><LiveBadge /></div>
      <p class="inline-links"><a href={`/camps/${campId}`}>{t('camp.backToCamp')}</a> <a href={`/camps/${campId}/mentoring`}>{t('mentors.hubLink')}</a></p>
      <Message text={queue.failure} />
      {shown === null && <p class="notice">{t('mentors.setUpFirst')}</p>}
      {queue.state && <QueuePanel campId={campId} queue={queue.state} mentorId={shown ? myId : null} />}
      {shown && <SlotsPanel campId={campId} calendar={shown} changed={setCalendar} />}
      <ProfileForm campId={campId} calendar={shown ?? null} saved={setCalendar} />
    </div>
  );
}
