import './boards.css';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PageProps } from '../router';
import type { CampSnapshot } from '../api/types';
import { getCamp } from '../api/camps';
import { me } from '../session/current';
import { sameId } from '../live/applyEvent';
import { describe } from '../ui/describe';
import { Empty, Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { getBoards } from './boardApi';
import type { CampBoardPlan } from './boardTypes';
import { PlanForm } from './PlanForm';
import { goalsOf, type SprintGoal } from './Schedule';

/** /camps/<camp>/boards: every team's board, and for organizers the sprint plan for all teams. */
export default function BoardsPage({ params }: PageProps) {
  const campId = params.campId;
  const [camp, setCamp] = useState<CampSnapshot | null>(null);
  const [plan, setPlan] = useState<CampBoardPlan | null>(null);
  const [goals, setGoals] = useState<SprintGoal[]>([]);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t('boards.link'));
  const role = me.value?.camps.find((c) => sameId(c.campId, campId))?.role;
  const staff = role === 'Organizer' || role === 'Mentor';

  useEffect(() => {
    getCamp(campId).then(setCamp, (e: unknown) => setError(describe(e)));
  }, [campId]);
  useEffect(() => {
    if (staff) getBoards(campId).then((o) => { setPlan(o.plan); setGoals(goalsOf(o.teams)); }, (e: unknown) => setError(describe(e)));
  }, [campId, staff]);

  if (error && !camp) return <Message text={error} />;
  if (!camp) return <Loading text={t('boards.loading')} />;
  return (
    <div class="boards-page">
      <h1>{t('boards.link')}: <User>{camp.details.name}</User></h1>
      <p><a href={`/camps/${campId}`}>{t('camp.backToCamp')}</a></p>
      <Message text={error} />
      {staff && <p><a href={`/camps/${campId}/boards/screen`} data-testid="big-screen-link">{t('boards.bigScreen')}</a></p>}
      {camp.teams.length === 0 ? <Empty>{t('boards.noTeams')}</Empty> : (
        <ul class="teams">
          {camp.teams.map((team) => (
            <li key={team.teamId}>
              <a href={`/camps/${campId}/teams/${team.teamId}/board`} data-testid={`board-link-${team.name}`}><User>{team.name}</User></a>
              {' · '}<span class="muted"><User>{team.theme}</User></span>
            </li>
          ))}
        </ul>
      )}
      {role === 'Organizer' && plan && <PlanForm campId={campId} plan={plan} goals={goals} changed={setPlan} />}
    </div>
  );
}
