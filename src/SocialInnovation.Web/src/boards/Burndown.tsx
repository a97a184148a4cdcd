import { t } from '../i18n';
import type { CampBoardPlan, TeamSprint } from './boardTypes';

const width = 300;
const height = 120;

/**
 * Remaining points over the sprint as a step line, with the ideal line from what was committed to zero
 * at the sprint's end. Drawn from the board's own burndown points, which grow live as cards move.
 */
export function Burndown({ sprint, plan, now, big = false }: { sprint: TeamSprint; plan: CampBoardPlan; now: number; big?: boolean }) {
  const slot = plan.schedule.find((s) => s.number === sprint.number);
  const points = sprint.burndown.map((p) => ({ at: Date.parse(p.at), left: p.remaining }));
  if (points.length === 0) return null;
  const start = slot ? Date.parse(slot.start) : points[0].at;
  const end = Math.max(slot ? Date.parse(slot.end) : now, points[points.length - 1].at, start + 1);
  const top = Math.max(1, sprint.committed ?? 0, ...points.map((p) => p.left));
  const x = (at: number) => ((Math.min(Math.max(at, start), end) - start) / (end - start)) * width;
  const y = (left: number) => height - (left / top) * height;
  let path = `M ${x(points[0].at)} ${y(points[0].left)}`;
  for (let i = 1; i < points.length; i++) path += ` H ${x(points[i].at)} V ${y(points[i].left)}`;
  const last = points[points.length - 1];
  if (plan.activeSprint === sprint.number) path += ` H ${x(now)}`;
  const label = t('boards.remaining', { points: last.left, committed: sprint.committed ?? top });
  return (
    <figure class={`burndown${big ? ' big' : ''}`}>
      <svg viewBox={`-4 -4 ${width + 8} ${height + 8}`} role="img" aria-label={`${t('boards.burndown')}: ${label}`} data-testid="burndown" data-remaining={last.left}>
        <line x1={0} y1={height} x2={width} y2={height} class="axis" />
        <line x1={0} y1={0} x2={0} y2={height} class="axis" />
        {sprint.committed != null && <line x1={x(start)} y1={y(sprint.committed)} x2={x(end)} y2={y(0)} class="ideal" />}
        <path d={path} class="actual" />
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
