import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PageProps } from '../router';
import { IdempotentSubmission } from '../api/idempotency';
import { LiveBadge } from '../camp/LiveBadge';
import { useCamp } from '../camp/useCamp';
import { me } from '../session/current';
import { describe } from '../ui/describe';
import { Empty, Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { getTeam, joinTeam, leaveTeam, type TeamDetails } from './intakeApi';
import { useRole } from './useRole';
import { RankingPanel } from '../teams/RankingPanel';
import { teamOf, useFormation } from '../teams/useFormation';
import '../teams/teams.css';

/**
 * /camps/<id>/teams: the camp's teams with their members and captains; a participant ranks the teams
 * (until the organizer publishes them), joins one team (the server refuses a second, even when two joins
 * race) and may leave it. New teams appear live, and so does one's own team when the organizer publishes
 * (stream `teams:<camp>`).
 */
export default function TeamsPage({ params }: PageProps) {
  const campId = params.campId;
  const camp = useCamp(campId);
  const role = useRole(campId);
  const [details, setDetails] = useState<Record<string, TeamDetails>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submissions = useMemo(() => new Map<string, IdempotentSubmission>(), []);
  const teams = camp.snapshot.value?.teams ?? [];
  usePageTitle(t('teamsPage.title'));

  useEffect(() => {
    for (const team of teams) {
      if (details[team.teamId]) continue;
      getTeam(campId, team.teamId).then((d) => setDetails((all) => ({ ...all, [team.teamId]: d })), () => undefined);
    }
  }, [teams.length]);

  // The stream's newer report of a team (a publication, a join, a captain change) wins over the page's fetch.
  const formation = useFormation(campId);
  const live = (teamId: string): TeamDetails | undefined => {
    const streamed = formation.status?.teams.find((x) => x.teamId === teamId);
    const fetched = details[teamId];
    return streamed && (!fetched || (streamed.version ?? 0) >= (fetched.version ?? 0)) ? streamed : fetched;
  };
  const myId = me.value?.personId;
  const myTeam = teams.map((x) => live(x.teamId)).find((d) => d?.members.some((m) => m.personId === myId))
    ?? teamOf(formation.status, myId);
  const published = (formation.status?.publishedVersion ?? 0) > 0;

  async function change(teamId: string, join: boolean): Promise<void> {
    const scope = `${join ? 'join' : 'leave'}:${teamId}:${myTeam?.teamId ?? ''}`;
    const submission = submissions.get(scope) ?? new IdempotentSubmission();
    submissions.set(scope, submission);
    setBusy(true);
    setMessage(null);
    try {
      const updated = await submission.run((key) => (join ? joinTeam : leaveTeam)(campId, teamId, key));
      setDetails((all) => ({ ...all, [teamId]: updated }));
      setMessage({ kind: 'info', text: t(join ? 'teamsPage.joined' : 'teamsPage.left', { team: updated.name }) });
    } catch (error) {
      setMessage({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(false);
    }
  }

  if (camp.failure.value) return <Message text={camp.failure.value} />;
  if (!camp.snapshot.value) return <Loading text={t('camp.loading')} />;
  return (
    <div class="teams-page">
      <div class="page-head"><h1>{t('teamsPage.title')}</h1><LiveBadge /></div>
      <p><a href={`/camps/${campId}`}>{t('camp.backToCamp')}</a></p>
      <div aria-live="polite">{message && <Message kind={message.kind} text={message.text} />}</div>
      {role === 'Organizer' && teams.length > 0 && (
        <p><a href={`/camps/${campId}/team-formation`} data-testid="formation-link">{t('formation.link')}</a></p>
      )}
      <div class="card my-team" role="status" aria-live="polite" data-testid="my-team">
        {role === 'Participant' && myTeam && (
          <>
            <strong>{t('teamsPage.yourTeam')}</strong>{' '}
            <a href={`/camps/${campId}/teams/${myTeam.teamId}`}><User>{myTeam.name}</User></a>
            {' '}{t('teamsPage.size', { count: myTeam.members.length, capacity: myTeam.capacity })}
          </>
        )}
      </div>
      {role === 'Participant' && <p><a href={`/camps/${campId}/profile`} data-testid="profile-link">{t('profile.link')}</a></p>}
      {role === 'Participant' && teams.length > 0 && formation.status && (
        <RankingPanel campId={campId} teams={teams} published={published} />
      )}
      {teams.length === 0 && <Empty>{t('teamsPage.none')}</Empty>}
      <ul class="team-cards">
        {teams.map((team) => {
          const d = live(team.teamId);
          const mine = d?.members.some((m) => m.personId === myId);
          return (
            <li key={team.teamId} class="card" data-testid={`team-${team.name}`}>
              <h2><a href={`/camps/${campId}/teams/${team.teamId}`}><User>{team.name}</User></a></h2>
              <p class="muted"><User>{team.theme}</User>{d && ` · ${t('teamsPage.size', { count: d.members.length, capacity: d.capacity })}`}</p>
              {d && (d.members.length === 0 ? <p class="empty">{t('teamsPage.noMembers')}</p> : (
                <ul aria-label={t('teamsPage.members', { team: team.name })}>
                  {d.members.map((m) => (
                    <li key={m.personId}><User>{m.name}</User>{m.personId === d.captainId && <strong> — {t('teamsPage.captain')}</strong>}</li>
                  ))}
                </ul>
              ))}
              {role === 'Participant' && d && (mine
                ? <button type="button" class="secondary" disabled={busy} onClick={() => void change(team.teamId, false)}
                    aria-label={t('teamsPage.leaveTeam', { team: team.name })} data-testid="team-leave">{t('teamsPage.leave')}</button>
                : !myTeam && <button type="button" disabled={busy || d.members.length >= d.capacity} onClick={() => void change(team.teamId, true)}
                    aria-label={t('teamsPage.joinTeam', { team: team.name })} data-testid="team-join">{t('teamsPage.join')}</button>)}
              {' '}<a href={`/camps/${campId}/teams/${team.teamId}/board`}>{t('teamsPage.board')}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
