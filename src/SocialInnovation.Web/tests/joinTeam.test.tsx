// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Schema } from '../src/api/types';
import { JoinTeam } from '../src/boards/JoinTeam';

const team = (members: number, capacity: number): Schema<'TeamDetails'> => ({
  teamId: 't', campId: 'c', name: 'Open Budget', theme: 'Corruption', capacity, captainId: null, version: 1,
  members: Array.from({ length: members }, (_, i) => ({ personId: `p${i}`, name: `Member ${i}`, joinedAt: '2026-11-27T08:00:00Z' })),
});

let root: HTMLElement;
afterEach(() => render(null, root));
function show(details: Schema<'TeamDetails'>) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<JoinTeam campId="c" team={details} joined={() => undefined} />, root));
}

describe('joining a team from its board', () => {
  it('offers the button while the team has room', () => {
    show(team(4, 5));
    expect(root.querySelector('[data-testid="board-join"]')).not.toBeNull();
  });

  it('says the team is full instead of offering a button that can only be refused', () => {
    show(team(5, 5));
    expect(root.querySelector('[data-testid="board-join"]')).toBeNull();
    expect(root.querySelector('[data-testid="board-team-full"]')!.textContent).toBe('This team is full: it takes 5 people.');
  });
});
