import { formatMoments, t } from '../i18n';
import { Empty } from '../ui/Message';
import { User } from '../ui/text';
import type { BoardsOverview, CampBoardPlan } from './boardTypes';

/** A team's goal for one sprint of the plan (the schedule is the camp's; goals are each team's). */
export interface SprintGoal { number: number; team: string; goal: string }

/** Every goal the teams wrote, per sprint number, from the boards overview. */
export function goalsOf(teams: BoardsOverview['teams']): SprintGoal[] {
  return teams.flatMap((team) => team.board.sprints.filter((s) => s.goal.trim() !== '')
    .map((s) => ({ number: s.number, team: team.name, goal: s.goal })));
}

/**
 * The sprints the plan has, as the server saved them: an organizer sees what saving made
 * (a demo walk found the page silent about it after "Save the plan"), times in the reader's own time zone.
 */
export function Schedule({ plan, goals }: { plan: CampBoardPlan; goals: SprintGoal[] }) {
  return (
    <div class="schedule">
      <h3 id="schedule-heading">{t('boards.schedule')}</h3>
      {plan.schedule.length === 0 ? <Empty>{t('boards.noSchedule')}</Empty> : (
        <ol aria-labelledby="schedule-heading" data-testid="schedule">
          {plan.schedule.map((slot) => {
            const running = plan.activeSprint === slot.number;
            const theirs = goals.filter((g) => g.number === slot.number);
            return (
              <li key={slot.number} class={running ? 'running' : undefined} aria-current={running ? 'true' : undefined}>
                <strong>{t('boards.sprintNumber', { number: slot.number })}</strong>
                {' · '}<time dateTime={slot.start}>{formatMoments(slot.start, slot.end)}</time>
                {running && <>{' · '}<span class="running-now">{t('boards.runningNow')}</span></>}
                {theirs.length > 0 && (
                  <ul class="goals">
                    {theirs.map((g) => <li key={g.team}><User>{g.team}</User>{': '}<User>{g.goal}</User></li>)}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
