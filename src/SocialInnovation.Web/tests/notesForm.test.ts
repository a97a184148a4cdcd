import { describe, expect, it } from 'vitest';
import { liveNotes, openForm, reapplyMine, saved, staleNotes, takeTheirs, type NotesForm, type NotesSeen } from '../src/boards/notesForm';
import type { TeamSprint } from '../src/boards/boardTypes';

const sprint = (over: Partial<TeamSprint> = {}): TeamSprint => ({
  number: 1, goal: 'Validate the problem', committed: null, completed: null, burndown: [], review: '', retro: '', notesVersion: 2, ...over,
});
const typed = (form: NotesForm, goal: string): NotesForm => ({ ...form, values: { ...form.values, goal } });
const timurs: NotesSeen = { goal: 'Test with 5 users', review: 'Mentors liked it', retro: '', version: 3 };

describe('the sprint notes form', () => {
  it('takes a teammate\'s notes arriving live when nothing is unsaved', () => {
    const form = liveNotes(openForm(sprint()), timurs);

    expect(form).toEqual({ base: timurs, values: { goal: 'Test with 5 users', review: 'Mentors liked it', retro: '' }, theirs: null });
  });

  it('keeps unsaved typing when a teammate\'s notes arrive live and shows theirs beside it', () => {
    const form = liveNotes(typed(openForm(sprint()), 'My goal'), timurs);

    expect(form.values.goal).toBe('My goal');
    expect(form.base.version).toBe(2); // a save now is refused as stale, not written over theirs
    expect(form.theirs).toEqual(timurs);
  });

  it('bases the save again on their notes when I reapply mine, keeping their text where I typed nothing, or takes theirs', () => {
    const conflict = liveNotes(typed(openForm(sprint()), 'My goal'), timurs);

    expect(reapplyMine(conflict)).toEqual({ base: timurs, values: { goal: 'My goal', review: 'Mentors liked it', retro: '' }, theirs: null });
    expect(takeTheirs(conflict).values.goal).toBe('Test with 5 users');
  });

  it('shows the current notes from a stale refusal and ignores older ones', () => {
    const form = typed(openForm(sprint()), 'My goal');

    expect(staleNotes(form, timurs).theirs).toEqual(timurs);
    expect(staleNotes(form, { ...timurs, version: 2 })).toBe(form);
    // My own earlier save, whose answer was lost: nothing to pick between.
    expect(staleNotes(form, { goal: 'My goal', review: '', retro: '', version: 3 })).toMatchObject({ base: { version: 3 }, theirs: null });
  });

  it('moves on to the next version after my save, whether its answer or its live echo comes first', () => {
    const form = typed(openForm(sprint()), ' My goal ');
    const sent = form.values;
    const mine: NotesSeen = { goal: 'My goal', review: '', retro: '', version: 3 };

    const answerFirst = liveNotes(saved(form, sent, 2), mine);
    const echoFirst = saved(liveNotes(form, mine), sent, 2);

    expect(answerFirst).toEqual({ base: mine, values: sent, theirs: null });
    expect(echoFirst).toEqual({ base: mine, values: sent, theirs: null });
  });

  it('reads a sprint stored before notes had a version as version 0', () => {
    expect(openForm(sprint({ notesVersion: undefined })).base.version).toBe(0);
    expect(openForm(undefined).base).toEqual({ goal: '', review: '', retro: '', version: 0 });
  });
});
