// @vitest-environment happy-dom
import { render, type ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CampBoardPlan } from '../src/boards/boardTypes';

// The plan the server answers "Save plan" with: what the organizer asked for, as saved.
const saved = vi.hoisted(() => ({ plan: null as unknown }));
vi.mock('../src/boards/boardApi', () => ({
  configureBoards: vi.fn(() => Promise.resolve(saved.plan)),
  runSprint: vi.fn(),
  newId: () => 'id',
}));

const { PlanForm } = await import('../src/boards/PlanForm');
const { Schedule, goalsOf } = await import('../src/boards/Schedule');

const hour = 3_600_000;
const start = Date.parse('2026-11-26T08:00:00Z');
const plan = (sprints: number, activeSprint: number | null = null): CampBoardPlan => ({
  wipWarnOnly: false, othersMayView: true, activeSprint, activeSince: null, version: 1,
  schedule: Array.from({ length: sprints }, (_, i) => ({
    number: i + 1, start: new Date(start + i * 6 * hour).toISOString(), end: new Date(start + (i + 1) * 6 * hour).toISOString(),
  })),
});

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});
function show(node: ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
}
const lines = () => [...root.querySelectorAll('[data-testid="schedule"] > li')].map((li) => li.textContent);

describe("the organizer's sprint schedule", () => {
  it('says no sprints are planned when the plan has none', () => {
    show(<Schedule plan={plan(0)} goals={[]} />);
    expect(root.querySelector('[data-testid="schedule"]')).toBeNull();
    expect(root.textContent).toContain('No sprints planned yet.');
  });

  it('lists each sprint with its times, marks the running one and shows the teams’ goals', () => {
    const goals = goalsOf([{ teamId: 't', name: 'Clean Air', board: { sprints: [{ number: 2, goal: 'Test the sensor' }, { number: 3, goal: ' ' }] } }] as never);
    show(<Schedule plan={plan(3, 2)} goals={goals} />);
    expect(lines()).toHaveLength(3);
    expect(lines()[0]).toContain('Sprint 1');
    expect(lines()[0]).not.toContain('running now');
    expect(lines()[1]).toContain('running now');
    expect(lines()[1]).toContain('Clean Air: Test the sensor');
    expect(lines()[2]).not.toContain(':  ');
    const current = root.querySelector('[aria-current="true"]');
    expect(current?.textContent).toContain('Sprint 2');
    // Times in the reader's zone, the same formatting the app uses elsewhere.
    const time = root.querySelectorAll('time')[0];
    expect(time.getAttribute('datetime')).toBe(new Date(start).toISOString());
    expect(time.textContent).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })
      .formatRange(new Date(start), new Date(start + 6 * hour)));
  });

  it('shows the sprints the server saved right after "Save plan"', async () => {
    saved.plan = plan(4);
    function Page() {
      const [current, setCurrent] = useState(plan(0));
      return <PlanForm campId="c" plan={current} goals={[]} changed={setCurrent} />;
    }
    show(<Page />);
    expect(root.textContent).toContain('No sprints planned yet.');
    await act(async () => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
    });
    await act(async () => { await Promise.resolve(); });
    expect(lines().map((l) => l?.slice(0, 8))).toEqual(['Sprint 1', 'Sprint 2', 'Sprint 3', 'Sprint 4']);
    expect(root.querySelector('.message-info')?.textContent).toBe('Plan saved.');
    expect(root.textContent).not.toContain('No sprints planned yet.');
  });
});
