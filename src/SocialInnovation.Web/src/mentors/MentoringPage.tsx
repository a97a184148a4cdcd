import './mentors.css';
import { useEffect, useState } from 'preact/hooks';
import { formatMoment, formatNumber, t } from '../i18n';
import type { PageProps } from '../router';
import type { CampSnapshot } from '../api/types';
import { getCamp } from '../api/camps';
import { LiveBadge } from '../camp/LiveBadge';
import { getTeam } from '../intake/intakeApi';
import { useRole } from '../intake/useRole';
import { me } from '../session/current';
import { sameId } from '../live/applyEvent';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import type { MentorCalendar, MentoringOverview, QueueView, TeamSessions } from './mentorsApi';
import { QueuePanel } from './QueuePanel';
import { StartsSoon } from './StartsSoon';
import { reduceCalendar, reduceQueue, reduceSessions } from './streams';
import { useLiveOverview } from './useLiveOverview';
import { useLiveStream } from './useLiveStream';

/**
 * /camps/<camp>/mentoring: where mentoring starts for everyone — one's team's page, the mentor's page,
 * the gallery — and for organizers the live overview: the queue with waiting times and requests nobody
 * took, sessions per team (has every team been seen?) and load per mentor.
 */
export default function MentoringPage({ params }: PageProps) {
  const campId = params.campId;
  usePageTitle(t('mentors.hubTitle'));
  const role = useRole(campId);
  const [camp, setCamp] = useState<CampSnapshot | null>(null);
  const [myTeam, setMyTeam] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const organizer = role === 'Organizer';
  // Live: read again whenever a team's sessions or a mentor's calendar change (useLiveOverview).
  const { overview, error: overviewError } = useLiveOverview(campId, organizer);
  const queue = useLiveStream<QueueView>('queue', campId, undefined, reduceQueue, !!role && role !== 'Judge');
  // "Starts in 10 minutes": the notices kept on one's team's stream or one's own mentor stream, so they
  // show here whenever the app is opened, not only on the page that has the slots.
  const myId = me.value?.personId;
  const teamNotices = useLiveStream<TeamSessions>('mentoring', campId, myTeam ?? undefined, reduceSessions, !!myTeam);
  const mentorNotices = useLiveStream<MentorCalendar>('mentor', campId, myId, reduceCalendar, role === 'Mentor' && !!myId);
  const notices = [
    ...(teamNotices.state?.notices ?? []).map((n) => ({ slotId: n.slotId, start: n.start, minutes: n.minutes, withName: n.mentorName })),
    ...(mentorNotices.state?.notices ?? []).map((n) => ({ slotId: n.slotId, start: n.start, minutes: n.minutes, withName: n.teamName })),
  ];

  useEffect(() => void getCamp(campId).then(setCamp, (e: unknown) => setError(describe(e))), [campId]);
  useEffect(() => {
    // A participant's own team: the first team that lists them.
    if (role !== 'Participant' || !camp || !me.value) return;
    const myId = me.value.personId;
    void Promise.all(camp.teams.map((team) => getTeam(campId, team.teamId).catch(() => null)))
      .then((teams) => setMyTeam(teams.find((d) => d?.members.some((m) => sameId(m.personId, myId)))?.teamId ?? null));
  }, [role, camp]);

  if (error && !camp) return <Message text={error} />;
  if (!camp || role === undefined) return <Loading text={t('mentors.loading')} />;
  return (
    <div class="mentoring-page">
      <div class="page-head"><h1>{t('mentors.hubTitle')}</h1><LiveBadge /></div>
      <p class="inline-links">
        <a href={`/camps/${campId}`}>{t('camp.backToCamp')}</a>
        {role === 'Mentor' && <> <a href={`/camps/${campId}/mentor`} data-testid="mentor-page-link">{t('mentors.mentorTitle')}</a></>}
        {myTeam && <> <a href={`/camps/${campId}/teams/${myTeam}/mentoring`} data-testid="my-team-link">{t('mentors.myTeamLink')}</a></>}
        {' '}<a href={`/camps/${campId}/gallery`} data-testid="gallery-link">{t('gallery.title')}</a>
      </p>
      <StartsSoon slots={notices} />
      <Message text={error ?? queue.failure ?? overviewError} />
      {(organizer || role === 'Mentor') && queue.state && <QueuePanel campId={campId} queue={queue.state} mentorId={null} />}
      {organizer && overview && <Overview campId={campId} overview={overview} />}
      <section aria-labelledby="teams-title">
        <h2 id="teams-title">{t('mentors.teams')}</h2>
        <ul class="teams">
          {camp.teams.map((team) => (
            <li key={team.teamId}><a href={`/camps/${campId}/teams/${team.teamId}/mentoring`}><User>{team.name}</User></a> · <span class="muted"><User>{team.theme}</User></span></li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Overview({ campId, overview }: { campId: string; overview: MentoringOverview }) {
  const unseen = overview.teams.filter((team) => team.sessions === 0).length;
  return (
    <>
      {/* Unnamed sections: the scrolling table inside is the region named by the heading, and two
          landmarks with one name would be ambiguous to a screen reader (axe landmark-unique). */}
      <section class="card">
        <h2 id="per-team-title">{t('mentors.perTeam')}</h2>
        <p class="status-line" data-testid="unseen-teams">{unseen === 0 ? t('mentors.everyTeamSeen') : t('mentors.teamsUnseen', { count: formatNumber(unseen) })}</p>
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="per-team-title">
          <table>
            <thead><tr><th scope="col">{t('mentors.team')}</th><th scope="col">{t('mentors.sessions')}</th><th scope="col">{t('mentors.lastSession')}</th><th scope="col">{t('mentors.meanRating')}</th></tr></thead>
            <tbody>
              {overview.teams.map((team) => (
                <tr key={team.teamId} class={team.sessions === 0 ? 'unseen' : undefined}>
                  <th scope="row"><a href={`/camps/${campId}/teams/${team.teamId}/mentoring`}><User>{team.name}</User></a></th>
                  <td>{formatNumber(team.sessions)}{team.openSessions > 0 && ` (${t('mentors.openCount', { count: team.openSessions })})`}</td>
                  <td>{team.lastSessionAt ? formatMoment(team.lastSessionAt) : t('mentors.notSeen')}</td>
                  <td>{team.averageStars ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card">
        <h2 id="per-mentor-title">{t('mentors.perMentor')}</h2>
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="per-mentor-title">
          <table>
            <thead><tr><th scope="col">{t('mentors.mentor')}</th><th scope="col">{t('mentors.sessions')}</th><th scope="col">{t('mentors.openNow')}</th><th scope="col">{t('mentors.teamsSeen')}</th><th scope="col">{t('mentors.slotsBooked')}</th></tr></thead>
            <tbody>
              {overview.mentors.map((m) => (
                <tr key={m.mentorId}><th scope="row"><User>{m.name}</User></th><td>{formatNumber(m.sessions)}</td><td>{formatNumber(m.openSessions)}</td><td>{formatNumber(m.teamsSeen)}</td><td data-testid={`slots-booked-${m.name}`}>{formatNumber(m.slotsBooked)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
