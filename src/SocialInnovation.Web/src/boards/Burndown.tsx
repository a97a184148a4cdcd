import { formatTime, t } from '../i18n';
import type { CampBoardPlan, TeamSprint } from './boardTypes';

const width = 300;
const height = 120;

/**
 * Remaining points over the sprint as a step line, with the ideal line from what was committed at the start
 * to zero at the sprint's end. Drawn from the board's own burndown points, which grow live as cards move.
 * Both lines and a marker for "now" are there from the sprint's first minute: a lone start point alone read as
 * a broken chart. The picture is hidden from screen readers, which get the same figures as a table.
 */
export function Burndown({ sprint, plan, now, big = false }: { sprint: TeamSprint; plan: CampBoardPlan; now: number; big?: boolean }) {
  const slot = plan.schedule.find((s) => s.number === sprint.number);
  const committed = sprint.committed ?? 0;
  const points = sprint.burndown.map((p) => ({ at: Date.parse(p.at), left: p.remaining }));
  if (points.length === 0 && committed > 0) points.push({ at: slot ? Date.parse(slot.start) : now, left: committed });
  if (points.every((p) => p.left === 0) && committed === 0) {
    return <p class="burndown-empty muted" data-testid="burndown-empty">{t('boards.noPointsCommitted', { number: sprint.number })}</p>;
  }
  const running = plan.activeSprint === sprint.number;
  // The ideal starts when the sprint did (its first point), which is later than planned if it began late.
  const begun = points[0].at;
  const start = Math.min(slot ? Date.parse(slot.start) : begun, begun);
  const end = Math.max(slot ? Date.parse(slot.end) : now, points[points.length - 1].at, start + 1);
  const top = Math.max(1, committed, ...points.map((p) => p.left));
  // A tenth of a unit is finer than a pixel at any size the chart is shown.
  const x = (at: number) => Math.round(((Math.min(Math.max(at, start), end) - start) / (end - start)) * width * 10) / 10;
  const y = (left: number) => Math.round((height - (left / top) * height) * 10) / 10;
  let path = `M ${x(points[0].at)} ${y(points[0].left)}`;
  for (let i = 1; i < points.length; i++) path += ` H ${x(points[i].at)} V ${y(points[i].left)}`;
  const last = points[points.length - 1];
  const here = running ? Math.max(now, last.at) : last.at;
  path += ` H ${x(here)}`;
  // More left than the sprint began with reads as an error ("16 left of 10") unless it says why: cards pulled in since.
  const began = sprint.committed ?? top;
  const label = t(last.left > began ? 'boards.remainingGrown' : 'boards.remaining', { points: last.left, committed: began });
  return (
    <figure class={`burndown${big ? ' big' : ''}`}>
      <svg viewBox={`-6 -6 ${width + 12} ${height + 12}`} aria-hidden="true" focusable="false" data-testid="burndown" data-remaining={last.left}>
        <line x1={0} y1={height} x2={width} y2={height} class="axis" />
        <line x1={0} y1={0} x2={0} y2={height} class="axis" />
        {committed > 0 && <line x1={x(begun)} y1={y(committed)} x2={x(end)} y2={y(0)} class="ideal" data-testid="burndown-ideal" />}
        <path d={path} class="actual" data-testid="burndown-actual" />
        <circle cx={x(here)} cy={y(last.left)} r={5} class="now" />
      </svg>
      <div class="burndown-axis" aria-hidden="true"><span>{formatTime(new Date(start))}</span><span>{formatTime(new Date(end))}</span></div>
      <ul class="burndown-legend" aria-hidden="true">
        {committed > 0 && <li><span class="swatch ideal" />{t('boards.idealLine', { committed })}</li>}
        <li><span class="swatch actual" />{t('boards.burnLeft')}</li>
      </ul>
      <figcaption>{label}</figcaption>
      {/* Hidden by a wrapper: a table ignores width: 1px, and its full width made a phone's page scroll sideways. */}
      <div class="visually-hidden">
        <table data-testid="burndown-table">
          <caption>{t('boards.burndown')}: {label}{committed > 0 ? `. ${t('boards.idealLine', { committed })} ${formatTime(new Date(begun))}–${formatTime(new Date(end))}.` : ''}</caption>
          <thead><tr><th scope="col">{t('boards.burnTime')}</th><th scope="col">{t('boards.burnLeft')}</th></tr></thead>
          <tbody>{points.map((p, i) => <tr key={i}><td>{formatTime(new Date(p.at))}</td><td>{p.left}</td></tr>)}</tbody>
        </table>
      </div>
    </figure>
  );
}
