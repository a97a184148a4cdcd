import { useState } from 'preact/hooks';
import { formatMoment, t } from '../i18n';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { User } from '../ui/text';
import { addItem, endSession, newKey, rateSession, tickItem, writeNotes, type MentorSession } from './mentorsApi';

interface Props {
  campId: string;
  teamId: string;
  session: MentorSession;
  /** The session's own mentor, while it runs: notes, follow-up, action items, end. */
  mentor: boolean;
  /** A member of the team: ticks items, rates once ended. */
  member: boolean;
}

/** One mentor session: notes and action items as the mentor writes them, ticked and rated by the team. */
export function SessionCard({ campId, teamId, session, mentor, member }: Props) {
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<unknown>) => {
    setError(null);
    action().catch((e: unknown) => setError(describe(e)));
  };
  const open = session.endedAt === null;
  return (
    <article class="card session" id={`session-${session.sessionId}`} data-testid={`session-${session.topic}`} aria-labelledby={`session-title-${session.sessionId}`}>
      <h3 id={`session-title-${session.sessionId}`}><User>{session.topic}</User></h3>
      <p class="muted">{t('mentors.sessionWith', { name: session.mentorName, at: formatMoment(session.startedAt) })}
        {' · '}{open ? t('mentors.sessionOpen') : t('mentors.sessionEnded', { at: formatMoment(session.endedAt!) })}</p>
      {mentor && open ? <NotesForm key={session.sessionId} campId={campId} teamId={teamId} session={session} run={run} /> : (
        <>
          <h4>{t('mentors.notes')}</h4>
          <p class="notes" data-testid="session-notes">{session.notes ? <User>{session.notes}</User> : <span class="muted">{t('mentors.noNotes')}</span>}</p>
          {session.followUp && <><h4>{t('mentors.followUp')}</h4><p class="notes" data-testid="session-follow-up"><User>{session.followUp}</User></p></>}
        </>
      )}
      <h4>{t('mentors.actionItems')}</h4>
      {session.actionItems.length === 0 ? <p class="muted">{t('mentors.noItems')}</p> : (
        <ul class="items">
          {session.actionItems.map((item) => (
            <li key={item.itemId}>
              <label>
                <input type="checkbox" checked={item.done} disabled={!member}
                  onChange={(e) => run(() => tickItem(campId, teamId, session.sessionId, item.itemId, e.currentTarget.checked, newKey()))} />
                {' '}<User>{item.text}</User>
              </label>
            </li>
          ))}
        </ul>
      )}
      {mentor && open && <AddItem onAdd={(text) => run(() => addItem(campId, teamId, session.sessionId, text, newKey()))} />}
      {mentor && open && <button type="button" class="secondary" data-testid="end-session" onClick={() => run(() => endSession(campId, teamId, session.sessionId, newKey()))}>{t('mentors.end')}</button>}
      {session.stars !== null
        ? <p data-testid="session-rating">{t('mentors.rated', { stars: session.stars })}{session.ratingComment ? <> · <User>{session.ratingComment}</User></> : null}</p>
        : member && !open && <Rate onRate={(stars, comment) => run(() => rateSession(campId, teamId, session.sessionId, stars, comment, newKey()))} />}
      <Message text={error} />
    </article>
  );
}

function NotesForm({ campId, teamId, session, run }: { campId: string; teamId: string; session: MentorSession; run(action: () => Promise<unknown>): void }) {
  const [notes, setNotes] = useState(session.notes);
  const [followUp, setFollowUp] = useState(session.followUp);
  const id = session.sessionId;
  return (
    <form onSubmit={(e) => {
      e.preventDefault();
      run(() => writeNotes(campId, teamId, id, notes, followUp, session.version, newKey()));
    }}>
      <label for={`notes-${id}`}>{t('mentors.notes')}</label>
      <textarea id={`notes-${id}`} rows={4} maxLength={4000} dir="auto" value={notes} onInput={(e) => setNotes(e.currentTarget.value)} data-testid="notes-input" />
      <label for={`follow-${id}`}>{t('mentors.followUp')}</label>
      <textarea id={`follow-${id}`} rows={2} maxLength={1000} dir="auto" value={followUp} onInput={(e) => setFollowUp(e.currentTarget.value)} />
      <button type="submit" data-testid="save-notes">{t('mentors.saveNotes')}</button>
    </form>
  );
}

function AddItem({ onAdd }: { onAdd(text: string): void }) {
  const [text, setText] = useState('');
  return (
    <form class="inline-form" onSubmit={(e) => {
      e.preventDefault();
      if (text.trim().length < 2) return;
      onAdd(text.trim());
      setText('');
    }}>
      <label>{t('mentors.newItem')} <input value={text} maxLength={300} dir="auto" onInput={(e) => setText(e.currentTarget.value)} data-testid="item-input" /></label>
      <button type="submit" data-testid="add-item">{t('mentors.addItem')}</button>
    </form>
  );
}

function Rate({ onRate }: { onRate(stars: number, comment: string): void }) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  return (
    <form onSubmit={(e) => {
      e.preventDefault();
      if (stars > 0) onRate(stars, comment.trim());
    }}>
      <fieldset class="stars">
        <legend>{t('mentors.rate')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} class={stars === n ? 'mark chosen' : 'mark'}>
            <input type="radio" name="stars" value={n} checked={stars === n} onChange={() => setStars(n)} /> <span>{n}</span>
          </label>
        ))}
      </fieldset>
      <label>{t('mentors.rateComment')} <textarea rows={2} maxLength={1000} dir="auto" value={comment} onInput={(e) => setComment(e.currentTarget.value)} /></label>
      <button type="submit" disabled={stars === 0} data-testid="send-rating">{t('mentors.sendRating')}</button>
    </form>
  );
}
