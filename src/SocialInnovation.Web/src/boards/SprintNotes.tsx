import './notesConflict.css';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { User } from '../ui/text';
import type { TeamSprint } from './boardTypes';
import { newId, StaleNotes, writeSprintNotes } from './boardApi';
import { liveNotes, notesOf, openForm, reapplyMine, saved, staleNotes, takeTheirs, type NotesForm, type NotesText } from './notesForm';

type Field = keyof NotesText;
const fields: [Field, 'boards.goal' | 'boards.review' | 'boards.retro', number][] =
  [['goal', 'boards.goal', 1], ['review', 'boards.review', 2], ['retro', 'boards.retro', 2]];

/**
 * The team's goal, review and retrospective for one sprint. A save names the notes version the form was
 * opened or last synced with, so a teammate's newer notes are never written over: they are shown beside
 * the person's own text (arriving live, or in a stale refusal), and the person applies theirs again or
 * takes the teammate's.
 */
export function SprintNotes({ number, sprint, canEdit, campId, teamId }:
  { number: number; sprint: TeamSprint | undefined; canEdit: boolean; campId: string; teamId: string }) {
  const [form, setForm] = useState<NotesForm>(() => openForm(sprint));
  const [error, setError] = useState<string | null>(null);
  const live = notesOf(sprint);
  // A save (anyone's) arrives on the board's stream; the form merges it and never drops unsaved typing.
  useEffect(() => setForm((f) => liveNotes(f, live)), [live.version]);

  if (!canEdit) return sprint?.goal ? <p><strong>{t('boards.goal')}:</strong> {sprint.goal}</p> : null;

  const save = (from: NotesForm) => {
    const basedOn = from.base.version;
    const sent = from.values;
    writeSprintNotes(campId, teamId, { number, basedOn, ...sent, idempotencyKey: newId() }).then(
      () => { setError(null); setForm((f) => saved(f, sent, basedOn)); },
      (err: unknown) => {
        if (err instanceof StaleNotes && err.current) {
          const current = notesOf(err.current);
          // Notes no newer than the save's base have nothing to show beside the typing: say why it failed.
          setError(current.version > basedOn ? null : describe(err));
          setForm((f) => staleNotes(f, current));
        } else setError(describe(err));
      });
  };
  const type = (name: Field, text: string) => setForm((f) => ({ ...f, values: { ...f.values, [name]: text } }));
  const theirs = form.theirs;
  const differing = theirs ? fields.filter(([name]) => theirs[name].trim() !== form.values[name].trim()) : [];

  return (
    <details class="sprint-notes">
      <summary>{t('boards.goal')} · {t('boards.review')} · {t('boards.retro')} ({number})</summary>
      <form class="form" onSubmit={(e) => { e.preventDefault(); save(form); }}>
        {fields.map(([name, label, rows]) => (
          <div class="field" key={name}><label for={`sprint-${name}`}>{t(label)}</label>
            {rows === 1
              ? <input id={`sprint-${name}`} value={form.values[name]} onInput={(e) => type(name, (e.target as HTMLInputElement).value)} />
              : <textarea id={`sprint-${name}`} rows={rows} value={form.values[name]} onInput={(e) => type(name, (e.target as HTMLTextAreaElement).value)} />}
          </div>
        ))}
        {theirs && (
          <div class="message message-error notes-conflict" role="alert" data-testid="notes-conflict">
            <p>{t('boards.notesChanged')}</p>
            <dl>
              {differing.map(([name, label]) => (
                <div key={name}><dt>{t(label)}</dt><dd>{theirs[name] ? <User>{theirs[name]}</User> : t('boards.notesEmpty')}</dd></div>
              ))}
            </dl>
            <span class="actions">
              <button type="button" class="small" data-testid="notes-reapply" onClick={() => { const next = reapplyMine(form); setForm(next); save(next); }}>
                {t('boards.notesReapply')}
              </button>
              <button type="button" class="secondary small" onClick={() => setForm(takeTheirs)}>{t('boards.notesTakeTheirs')}</button>
            </span>
          </div>
        )}
        <Message text={error} />
        <button type="submit" class="small">{t('boards.notesSave')}</button>
      </form>
    </details>
  );
}
