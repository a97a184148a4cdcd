import { useEffect, useRef, useState } from 'preact/hooks';
import { formatMoment, t } from '../i18n';
import type { Schema } from '../api/types';
import { me } from '../session/current';
import { User } from '../ui/text';
import { cardOf } from './boardState';
import type { BoardCard, BoardView, ChecklistItem } from './boardTypes';
import { newId } from './boardApi';
import { recordedLaneName } from './laneNames';
import { fieldsOf } from './reapply';
import { focusCardTitle } from './focus';
import type { LiveBoard } from './useBoard';

interface Props { board: LiveBoard; view: BoardView; cardId: string; members: Schema<'TeamMember'>[]; canEdit: boolean; canComment: boolean; close(): void }

/** A card's details in a modal dialog: its fields (edited as one change, based on the version shown), comments and history. */
export function CardDialog({ board, view, cardId, members, canEdit, canComment, close }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const card = cardOf(view, cardId);
  const [title, setTitle] = useState(card?.title ?? '');
  const [description, setDescription] = useState(card?.description ?? '');
  const [points, setPoints] = useState(card?.points?.toString() ?? '');
  const [labels, setLabels] = useState(card?.labels.join(', ') ?? '');
  const [assignees, setAssignees] = useState<string[]>(card?.assignees ?? []);
  const [checklist, setChecklist] = useState<ChecklistItem[]>(card?.checklist ?? []);
  const [newItem, setNewItem] = useState('');
  const [comment, setComment] = useState('');
  const basedOn = useRef(card?.version ?? 0);
  const addItem = () => {
    if (!newItem.trim()) return;
    setChecklist([...checklist, { text: newItem.trim(), done: false }]);
    setNewItem('');
  };
  // The fields as shown when the dialog opened: after a conflict only those the person changed are applied again.
  const before = useRef(card ? fieldsOf(card) : null);

  useEffect(() => {
    dialog.current?.showModal();
    return () => {
      dialog.current?.close();
      focusCardTitle(cardId);
    };
  }, []);
  if (!card) return null;

  const save = (e: Event) => {
    e.preventDefault();
    board.notice.value = null;
    const parsed = points.trim() === '' ? null : Number.parseInt(points, 10);
    board.send({ kind: 'edit', cardId, body: {
      cardId, basedOn: basedOn.current, title: title.trim() || card.title, description, points: Number.isFinite(parsed) ? parsed : null,
      labels: labels.split(',').map((l) => l.trim()).filter(Boolean), assignees, checklist, idempotencyKey: newId(),
    }, before: before.current ?? undefined });
    close();
  };
  const send = (e: Event) => {
    e.preventDefault();
    if (!comment.trim()) return;
    board.send({ kind: 'comment', cardId, byName: me.value?.name ?? '', body: { cardId, text: comment.trim(), idempotencyKey: newId() } });
    setComment('');
  };
  return (
    <dialog ref={dialog} class="card-dialog" aria-labelledby="card-dialog-title" onClose={close}>
      <h2 id="card-dialog-title"><User>{card.title}</User></h2>
      {canEdit && (
        <form class="form" onSubmit={save}>
          <div class="field"><label for="card-title">{t('boards.cardTitle')}</label>
            <input id="card-title" value={title} maxLength={200} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} /></div>
          <div class="field"><label for="card-description">{t('boards.description')}</label>
            <textarea id="card-description" rows={3} value={description} onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)} /></div>
          <div class="row">
            <div class="field"><label for="card-points">{t('boards.pointsLabel')}</label>
              <input id="card-points" type="number" min={0} max={100} inputMode="numeric" value={points} onInput={(e) => setPoints((e.target as HTMLInputElement).value)} /></div>
            <div class="field"><label for="card-labels">{t('boards.labels')}</label>
              <input id="card-labels" value={labels} onInput={(e) => setLabels((e.target as HTMLInputElement).value)} /></div>
          </div>
          {members.length > 0 && (
            <fieldset class="checks field"><legend>{t('boards.assignees')}</legend>
              {members.map((m) => (
                <label class="check" key={m.personId}>
                  <input type="checkbox" checked={assignees.includes(m.personId)}
                    onChange={(e) => setAssignees((e.target as HTMLInputElement).checked ? [...assignees, m.personId] : assignees.filter((a) => a !== m.personId))} />
                  <User>{m.name}</User>
                </label>
              ))}
            </fieldset>
          )}
          <fieldset class="checks field"><legend>{t('boards.checklist')}</legend>
            {checklist.map((item, i) => (
              <label class="check" key={`${i}-${item.text}`}>
                <input type="checkbox" checked={item.done}
                  onChange={(e) => setChecklist(checklist.map((c, j) => (j === i ? { ...c, done: (e.target as HTMLInputElement).checked } : c)))} />
                <User>{item.text}</User>
              </label>
            ))}
            <div class="add-card">
              <label for="checklist-new" class="visually-hidden">{t('boards.checklistAdd')}</label>
              {/* Enter adds the item, as in the New card form; left to the browser it submitted the whole card and
                  closed the dialog with the item lost. */}
              <input id="checklist-new" value={newItem} placeholder={t('boards.checklistAdd')} onInput={(e) => setNewItem((e.target as HTMLInputElement).value)}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' || e.isComposing) return;
                  e.preventDefault();
                  addItem();
                }} />
              <button type="button" class="secondary small" onClick={addItem}>{t('boards.add')}</button>
            </div>
          </fieldset>
          <div class="actions"><button type="submit">{t('boards.save')}</button></div>
        </form>
      )}
      {!canEdit && <CardFacts card={card} members={members} />}
      <h3>{t('boards.comments')}</h3>
      <ul class="history">
        {card.comments.map((c, i) => <li key={i}><strong><User>{c.byName}</User></strong> · <span class="muted">{formatMoment(c.at)}</span><br /><User>{c.text}</User></li>)}
      </ul>
      {canComment && (
        <form class="add-card" onSubmit={send}>
          <label for="card-comment" class="visually-hidden">{t('boards.comment')}</label>
          <input id="card-comment" value={comment} maxLength={2000} placeholder={t('boards.comment')} onInput={(e) => setComment((e.target as HTMLInputElement).value)} />
          <button type="submit" class="small">{t('boards.comment')}</button>
        </form>
      )}
      <h3>{t('boards.history')}</h3>
      <ul class="history">
        {[...card.history].reverse().map((h, i) => (
          <li key={i}>{t(`boards.history.${h.action}` as 'boards.history.Moved', { name: h.byName, lane: recordedLaneName(h.lane) })}
            {' '}· <span class="muted">{formatMoment(h.at)}</span></li>
        ))}
      </ul>
      <div class="actions"><button type="button" class="secondary" onClick={close}>{t('boards.close')}</button></div>
    </dialog>
  );
}

/**
 * The card as someone who may not edit it sees it (a mentor, a judge, another team): everything the form shows, read
 * only, so the checklist's "1/3" on the card can be read item by item here.
 */
function CardFacts({ card, members }: { card: BoardCard; members: Schema<'TeamMember'>[] }) {
  const assigned = card.assignees.map((id) => members.find((m) => m.personId === id)?.name).filter((name): name is string => !!name);
  return (
    <>
      {card.description && <p><User>{card.description}</User></p>}
      <dl class="card-facts">
        {card.points != null && <div><dt>{t('boards.pointsLabel')}</dt><dd>{card.points}</dd></div>}
        {card.labels.length > 0 && <div><dt>{t('boards.labels')}</dt><dd><User>{card.labels.join(', ')}</User></dd></div>}
        {assigned.length > 0 && <div><dt>{t('boards.assignees')}</dt><dd><User>{assigned.join(', ')}</User></dd></div>}
      </dl>
      {card.checklist.length > 0 && (
        <fieldset class="checks field"><legend>{t('boards.checklist')}</legend>
          {card.checklist.map((item, i) => (
            <label class="check" key={i}><input type="checkbox" checked={item.done} disabled /><User>{item.text}</User></label>
          ))}
        </fieldset>
      )}
    </>
  );
}
