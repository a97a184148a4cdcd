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

/**
 * /camps/<id>/teams: the camp's teams with their members and captains; a participant joins one team
 * (the server refuses a second, even when two joins race) and may leave it. New teams appear live.
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

  const myId = me.value?.personId;
  const myTeam = Object.values(details).find((d) => d.members.some((m) => m.personId === myId));

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
      {teams.length === 0 && <Empty>{t('teamsPage.none')}</Empty>}
      <ul class="team-cards">
        {teams.map((team) => {
          const d = details[team.teamId];
          const mine = d?.members.some((m) => m.personId === myId);
          return (
            <li key={team.teamId} class="card" data-testid={`team-${team.name}`}>
              <h2><User>{team.name}</User></h2>
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
