import { useEffect, useMemo, useState } from 'preact/hooks';
import { IdempotentSubmission } from '../api/idempotency';
import { LiveBadge } from '../camp/LiveBadge';
import { countryName, languageName, t } from '../i18n';
import { useRole } from '../intake/useRole';
import type { PageProps } from '../router';
import { me } from '../session/current';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { changeCaptain, teamPeople, type TeamPeople } from './teamsApi';
import { useFormation } from './useFormation';
import './teams.css';

/**
 * /camps/<id>/teams/<teamId>: the team's members with their country, languages and skills, and its
 * captain. The captain passes the captaincy to a member; an organizer may set it. Live: a change
 * reported on `teams:<camp>` reloads the members.
 */
export default function TeamPage({ params }: PageProps) {
  const { campId, teamId } = params;
  const role = useRole(campId);
  const formation = useFormation(campId);
  const [page, setPage] = useState<TeamPeople | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submissions = useMemo(() => new Map<string, IdempotentSubmission>(), []);
  usePageTitle(page?.team.name ?? t('teamPage.title'));

  const streamedVersion = formation.status?.teams.find((x) => x.teamId === teamId)?.version ?? -1;
  useEffect(() => {
    if (page && streamedVersion <= (page.team.version ?? 0)) return;
    teamPeople(campId, teamId).then(setPage, (e: unknown) => setMessage({ kind: 'error', text: describe(e) }));
  }, [campId, teamId, streamedVersion]);

  async function makeCaptain(personId: string, name: string): Promise<void> {
    const submission = submissions.get(personId) ?? new IdempotentSubmission();
    submissions.set(personId, submission);
    setBusy(true);
    setMessage(null);
    try {
      const team = await submission.run((key) => changeCaptain(campId, teamId, personId, key));
      setPage((p) => (p ? { ...p, team } : p));
      setMessage({ kind: 'info', text: t('teamPage.captainNow', { name }) });
    } catch (error) {
      setMessage({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(false);
    }
  }

  if (!page) return message ? <Message text={message.text} /> : <Loading text={t('camp.loading')} />;
  const { team, people } = page;
  const myId = me.value?.personId;
  const mayChange = role === 'Organizer' || (myId !== undefined && myId === team.captainId);
  return (
    <div class="team-page">
      <div class="page-head"><h1><User>{team.name}</User></h1><LiveBadge /></div>
      <p><a href={`/camps/${campId}/teams`}>{t('teamPage.back')}</a> · <a href={`/camps/${campId}/teams/${teamId}/board`}>{t('teamsPage.board')}</a></p>
      {team.theme && team.theme !== team.name && <p class="muted"><User>{team.theme}</User></p>}
      <Message kind={message?.kind} text={message?.text} />
      <section class="card" aria-labelledby="team-members-title">
        <h2 id="team-members-title">{t('teamPage.members', { count: team.members.length })}</h2>
        {team.members.length === 0 && <p class="empty">{t('teamsPage.noMembers')}</p>}
        <ul class="team-members" data-testid="team-members">
          {team.members.map((member) => {
            const profile = people.find((p) => p.personId === member.personId);
            const captain = member.personId === team.captainId;
            return (
              <li key={member.personId} data-testid={`member-${member.name}`}>
                <strong><User>{member.name}</User></strong>{captain && <> — {t('teamsPage.captain')}</>}
                {profile?.country && <span class="muted"> · {countryName(profile.country)}</span>}
                {profile && profile.languages.length > 0 && <span class="muted"> · {profile.languages.map(languageName).join(', ')}</span>}
                {profile && profile.skills.length > 0
                  ? <ul class="member-skills" aria-label={t('teamPage.skillsOf', { name: member.name })}>{profile.skills.map((s) => <li key={s}><User>{s}</User></li>)}</ul>
                  : <p class="muted">{t('teamPage.noSkills')}</p>}
                {mayChange && !captain && (
                  <button type="button" class="secondary" disabled={busy} onClick={() => void makeCaptain(member.personId, member.name)}
                    aria-label={t('teamPage.makeCaptainOf', { name: member.name })}>{t('teamPage.makeCaptain')}</button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
