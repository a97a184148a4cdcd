import './mentors.css';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PageProps } from '../router';
import { LiveBadge } from '../camp/LiveBadge';
import { getTeam, type TeamDetails } from '../intake/intakeApi';
import { useRole } from '../intake/useRole';
import { me } from '../session/current';
import { sameId } from '../live/applyEvent';
import { ArtifactsPanel } from '../artifacts/ArtifactsPanel';
import { JoinTeam } from '../boards/JoinTeam';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { HandPanel } from './HandPanel';
import type { QueueView, TeamSessions } from './mentorsApi';
import { OfficeHours } from './OfficeHours';
import { SessionCard } from './SessionCard';
import { reduceQueue, reduceSessions } from './streams';
import { useLiveStream } from './useLiveStream';

/**
 * /camps/<camp>/teams/<team>/mentoring: the team's page for mentoring — raise a hand and watch one's
 * place, book office hours, sessions with feedback and action items as the mentor writes them, decks
 * and prototypes. The session's mentor writes here too (the session screen).
 */
export default function TeamMentoringPage({ params }: PageProps) {
  const { campId, teamId } = params;
  const role = useRole(campId);
  const [team, setTeam] = useState<TeamDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(team ? `${t('mentors.teamTitle')}: ${team.name}` : t('mentors.teamTitle'));
  useEffect(() => void getTeam(campId, teamId).then(setTeam, (e: unknown) => setError(describe(e))), [campId, teamId]);

  const myId = me.value?.personId;
  const member = role === 'Participant' && !!team?.members.some((m) => sameId(m.personId, myId ?? ''));
  const seesSessions = member || role === 'Mentor' || role === 'Organizer';
  const queue = useLiveStream<QueueView>('queue', campId, undefined, reduceQueue, member);
  const sessions = useLiveStream<TeamSessions>('mentoring', campId, teamId, reduceSessions, seesSessions && !!team);

  if (error && !team) return <Message text={error} />;
  if (!team || role === undefined) return <Loading text={t('mentors.loading')} />;
  const list = sessions.state?.sessions ?? [];
  return (
    <div class="mentoring-page">
      <div class="page-head"><h1>{t('mentors.teamTitle')}: <User>{team.name}</User></h1><LiveBadge /></div>
      <p class="inline-links"><a href={`/camps/${campId}`}>{t('camp.backToCamp')}</a> <a href={`/camps/${campId}/mentoring`}>{t('mentors.hubLink')}</a></p>
      <Message text={queue.failure ?? sessions.failure} />
      {role === 'Participant' && !member && <JoinTeam campId={campId} team={team} joined={setTeam} />}
      {member && <HandPanel campId={campId} teamId={teamId} queue={queue.state} />}
      {seesSessions && (
        <section aria-labelledby="sessions-title" aria-live="polite">
          <h2 id="sessions-title">{t('mentors.sessions')}</h2>
          {sessions.state && list.length === 0 && <p class="empty">{t('mentors.noSessions')}</p>}
          {list.map((s) => (
            <SessionCard key={s.sessionId} campId={campId} teamId={teamId} session={s}
              mentor={role === 'Mentor' && sameId(s.mentorId, myId ?? '')} member={member} />
          ))}
        </section>
      )}
      {(member || role === 'Mentor' || role === 'Organizer') && <OfficeHours campId={campId} teamId={teamId} member={member}
        notices={(sessions.state?.notices ?? []).map((n) => ({ slotId: n.slotId, start: n.start, minutes: n.minutes, withName: n.mentorName }))} />}
      {role !== 'Participant' || member ? <ArtifactsPanel campId={campId} teamId={teamId} member={member} /> : null}
    </div>
  );
}
