import { useEffect, useState } from 'preact/hooks';
import { formatMoment, t } from '../i18n';
import { User } from '../ui/text';
import type { BoardView, CampBoardPlan, TeamSprint } from './boardTypes';
import { Burndown } from './Burndown';
import { SprintNotes } from './SprintNotes';

/** Ticks once a second while mounted, for sprint timers. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export function timeLeft(plan: CampBoardPlan, now: number): string | null {
  const slot = plan.schedule.find((s) => s.number === plan.activeSprint);
  if (!slot) return null;
  const seconds = Math.max(0, Math.round((Date.parse(slot.end) - now) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export function SprintStatus({ plan, now }: { plan: CampBoardPlan; now: number }) {
  const slot = plan.schedule.find((s) => s.number === plan.activeSprint);
  if (plan.activeSprint === null || !slot) return <p class="sprint-status muted">{t('boards.noSprint')}</p>;
  return (
    <p class="sprint-status">
      <strong>{t('boards.sprintRunning', { number: plan.activeSprint, end: formatMoment(slot.end) })}</strong>
      {' · '}<span class="timer" role="timer">{t('boards.sprintLeft', { time: timeLeft(plan, now) ?? '' })}</span>
    </p>
  );
}

/** The running sprint, its live burndown, the velocity of past sprints and the team's notes. */
export function SprintPanel({ view, canEdit, campId, teamId }: { view: BoardView; canEdit: boolean; campId: string; teamId: string }) {
  const now = useNow();
  const current = view.plan.activeSprint ?? (view.sprints.filter((s) => s.completed !== null).map((s) => s.number).reduce((a, b) => Math.max(a, b), 0) + 1);
  const sprint = view.sprints.find((s) => s.number === current);
  const shown = sprint?.burndown.length ? sprint : [...view.sprints].reverse().find((s) => s.burndown.length > 0);
  const done = view.sprints.filter((s) => s.completed !== null);
  return (
    <section class="sprint-panel card" aria-labelledby="sprint-heading">
      <h2 id="sprint-heading" class="visually-hidden">{t('boards.burndown')}</h2>
      <SprintStatus plan={view.plan} now={now} />
      <div class="sprint-grid">
        {shown && <Burndown sprint={shown} plan={view.plan} now={now} />}
        {done.length > 0 && (
          <div>
            <h3>{t('boards.velocity')}</h3>
            <ul class="velocity">{done.map((s) => <li key={s.number}>{t('boards.velocityItem', { number: s.number, points: s.completed ?? 0 })}</li>)}</ul>
          </div>
        )}
      </div>
      <PastNotes sprints={view.sprints.filter((s) => s.number !== current && (s.goal || s.review || s.retro))} />
      {/* Keyed on the sprint only: a teammate's notes arriving live must not reset what this person is typing. */}
      <SprintNotes key={current} number={current} sprint={sprint} canEdit={canEdit} campId={campId} teamId={teamId} />
    </section>
  );
}

/** Earlier sprints' goal, review and retrospective, for the team and for mentors and organizers who read along. */
function PastNotes({ sprints }: { sprints: TeamSprint[] }) {
  if (sprints.length === 0) return null;
  return (
    <details class="past-notes" data-testid="past-notes">
      <summary>{t('boards.pastNotes')}</summary>
      {sprints.map((s) => (
        <div key={s.number}>
          <h3>{t('boards.sprintNumber', { number: s.number })}</h3>
          <dl>
            {([['goal', s.goal], ['review', s.review], ['retro', s.retro]] as const).filter(([, text]) => text).map(([name, text]) => (
              <div key={name}><dt>{t(`boards.${name}`)}</dt><dd><User>{text}</User></dd></div>
            ))}
          </dl>
        </div>
      ))}
    </details>
  );
}
