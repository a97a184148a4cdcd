// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Burndown } from '../src/boards/Burndown';
import type { CampBoardPlan, TeamSprint } from '../src/boards/boardTypes';

const hour = 3_600_000;
const start = Date.parse('2026-11-26T08:00:00Z');
const plan: CampBoardPlan = {
  wipWarnOnly: false, othersMayView: true, activeSprint: 3, activeSince: new Date(start).toISOString(), version: 4,
  schedule: [{ number: 3, start: new Date(start).toISOString(), end: new Date(start + 6 * hour).toISOString() }],
};
const sprint = (committed: number | null, burndown: [number, number][]): TeamSprint => ({
  number: 3, goal: '', committed, completed: null, review: '', retro: '',
  burndown: burndown.map(([minutes, remaining]) => ({ at: new Date(start + minutes * 60_000).toISOString(), remaining })),
});

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});
function show(s: TeamSprint, now: number) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Burndown sprint={s} plan={plan} now={now} />, root));
}
const q = (id: string) => root.querySelector(`[data-testid="${id}"]`);

describe('the burndown', () => {
  it('draws the ideal line from what was committed to zero at the end, and the actual line, one minute into the sprint', () => {
    show(sprint(13, [[0, 13]]), start + 60_000);
    // The ideal runs the whole width, from the top (13 of 13) to the bottom (0) at the sprint's end.
    const ideal = q('burndown-ideal')!;
    expect([ideal.getAttribute('x1'), ideal.getAttribute('y1'), ideal.getAttribute('x2'), ideal.getAttribute('y2')]).toEqual(['0', '0', '300', '120']);
    expect(q('burndown-actual')!.getAttribute('d')).toMatch(/^M 0 0 H 0\.8/);
    expect(root.querySelector('circle.now')).not.toBeNull();
    expect(root.querySelector('figcaption')!.textContent).toBe('13 points left of 13');
  });

  it('says cards were added when more is left than the sprint began with, rather than "16 points left of 10"', () => {
    show(sprint(10, [[0, 10], [30, 16]]), start + 60 * 60_000);
    expect(root.querySelector('figcaption')!.textContent).toBe('16 points left; the sprint began with 10, cards were added since');
  });

  it('steps down as points come in and gives screen readers the same figures as a table', () => {
    show(sprint(13, [[0, 13], [60, 8], [120, 5]]), start + 150 * 60_000);
    expect(q('burndown-actual')!.getAttribute('d')).toBe('M 0 0 H 50 V 46.2 H 100 V 73.8 H 125');
    expect(q('burndown')!.getAttribute('aria-hidden')).toBe('true');
    const table = q('burndown-table')!;
    expect(table.querySelector('caption')!.textContent).toContain('Burndown: 5 points left of 13');
    expect([...table.querySelectorAll('tbody td:last-child')].map((td) => td.textContent)).toEqual(['13', '8', '5']);
    expect(table.querySelectorAll('th')).toHaveLength(2);
  });

  it('explains itself instead of drawing an empty chart when no points were committed', () => {
    show(sprint(0, [[0, 0]]), start + 60_000);
    expect(q('burndown')).toBeNull();
    expect(q('burndown-empty')!.textContent).toBe('Sprint 3 started with no story points on its cards, so there is nothing to burn down yet.');
  });

  it('still draws the ideal line when the sprint has committed points but no burndown point yet', () => {
    show(sprint(5, []), start + 60_000);
    expect(q('burndown-ideal')).not.toBeNull();
    expect(q('burndown')!.getAttribute('data-remaining')).toBe('5');
  });
});
