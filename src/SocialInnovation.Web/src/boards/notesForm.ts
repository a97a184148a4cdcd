import type { TeamSprint } from './boardTypes';

/** A sprint's goal, review and retrospective, as typed or as stored. */
export interface NotesText { goal: string; review: string; retro: string }
/** Notes as the server had them at a version (the version a save is based on). */
export interface NotesSeen extends NotesText { version: number }

/**
 * The notes form: what it was opened or last synced with (`base`, the version a save names), what the
 * person typed (`values`), and someone else's newer notes when they differ from the typing (`theirs`):
 * shown beside it, never written over it.
 */
export interface NotesForm { base: NotesSeen; values: NotesText; theirs: NotesSeen | null }

export const notesOf = (sprint: TeamSprint | undefined): NotesSeen => ({
  goal: sprint?.goal ?? '', review: sprint?.review ?? '', retro: sprint?.retro ?? '', version: sprint?.notesVersion ?? 0,
});

export const textOf = ({ goal, review, retro }: NotesText): NotesText => ({ goal, review, retro });

/** The server trims what it stores, so texts that differ only in outer spaces are the same notes. */
export const sameNotes = (a: NotesText, b: NotesText) =>
  a.goal.trim() === b.goal.trim() && a.review.trim() === b.review.trim() && a.retro.trim() === b.retro.trim();

export const openForm = (sprint: TeamSprint | undefined): NotesForm => {
  const base = notesOf(sprint);
  return { base, values: textOf(base), theirs: null };
};

/**
 * Newer notes arrived live. With nothing unsaved the form takes them; typing that already says the same
 * just moves the base on; otherwise the typing stays and their notes are shown beside it (a save would be
 * refused as stale until the person picks).
 */
export function liveNotes(form: NotesForm, live: NotesSeen): NotesForm {
  if (live.version <= form.base.version) return form;
  if (sameNotes(form.values, form.base)) return { base: live, values: textOf(live), theirs: null };
  if (sameNotes(form.values, live)) return { ...form, base: live, theirs: null };
  return { ...form, theirs: live };
}

/**
 * The server stored `sent`, based on `basedOn`: the notes are now at the next version. If the live echo of
 * this save came first, the form already moved on.
 */
export function saved(form: NotesForm, sent: NotesText, basedOn: number): NotesForm {
  if (form.base.version > basedOn) return form;
  const stored = { goal: sent.goal.trim(), review: sent.review.trim(), retro: sent.retro.trim() };
  return { ...form, base: { ...stored, version: basedOn + 1 }, theirs: null };
}

/**
 * Refused as stale: the current notes (from the answer) are merged as live ones are, so they show beside
 * the typing, or the form just moves on when they already say the same (this device's own earlier save,
 * whose answer was lost).
 */
export const staleNotes = liveNotes;

/**
 * "Apply my text again": what the person changed stays, the fields they did not touch take their notes
 * (as a card's reapply does), and the next save is based on their notes.
 */
export function reapplyMine(form: NotesForm): NotesForm {
  const { base, values, theirs } = form;
  if (!theirs) return form;
  const pick = (name: keyof NotesText) => (values[name].trim() === base[name].trim() ? theirs[name] : values[name]);
  return { base: theirs, values: { goal: pick('goal'), review: pick('review'), retro: pick('retro') }, theirs: null };
}

/** "Take their text": the typing is replaced by their notes. */
export const takeTheirs = (form: NotesForm): NotesForm =>
  form.theirs ? { base: form.theirs, values: textOf(form.theirs), theirs: null } : form;
