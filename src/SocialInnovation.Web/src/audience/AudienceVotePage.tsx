import './audience.css';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { navigate, type PageProps } from '../router';
import { ApiProblem } from '../api/http';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { castVote, deviceToken, newKey, pollByCode, type AudiencePollView } from './audienceApi';

interface Kept { choices: string[]; key: string; saved: boolean }

/** What this device sent for a poll: the pending key survives a reload, so a resend is the same vote. */
const keptName = (pollId: string) => `si.audience.vote.${pollId}`;
const readKept = (pollId: string): Kept | null => {
  try { return JSON.parse(localStorage.getItem(keptName(pollId)) ?? 'null') as Kept | null; } catch { return null; }
};
const keep = (pollId: string, kept: Kept) => localStorage.setItem(keptName(pollId), JSON.stringify(kept));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * /v/<code> (and /v to type a code): the audience's vote on a phone, no account needed. Big targets; the
 * vote is "saved" only once the server stored it; a lost answer is resent with the same key (counted once).
 */
export default function AudienceVotePage({ params }: PageProps) {
  const code = (params.code ?? '').toUpperCase();
  usePageTitle(t('audience.voteTitle'));
  const [poll, setPoll] = useState<AudiencePollView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [kept, setKept] = useState<Kept | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (!code) return;
    setPoll(null);
    setFailure(null);
    pollByCode(code).then((view) => {
      setPoll(view);
      const mine = readKept(view.tally.pollId);
      setKept(mine);
      if (mine) setPicked(mine.choices);
    }, (e: unknown) => setFailure(describe(e)));
  }, [code]);

  if (!code || (failure && !poll)) return <CodeForm failure={failure} />;
  if (!poll) return <Loading text={t('audience.loading')} />;

  const single = poll.audience.maxChoices === 1;
  const toggle = (id: string) => setPicked((now) => single ? [id]
    : now.includes(id) ? now.filter((x) => x !== id) : now.length < poll.audience.maxChoices ? [...now, id] : now);

  async function submit(e: Event) {
    e.preventDefault();
    if (!poll || picked.length === 0) return;
    const pollId = poll.tally.pollId;
    const previous = readKept(pollId);
    // The same pick still unconfirmed keeps its key: sending it again is a retry, not a second vote.
    const same = previous && !previous.saved && previous.choices.join() === picked.join();
    const attempt: Kept = { choices: picked, key: same ? previous.key : newKey(), saved: false };
    keep(pollId, attempt);
    setKept(attempt);
    setSending(true);
    setFailure(null);
    for (let tries = 0; ; tries++) {
      try {
        const receipt = await castVote(code, deviceToken(), attempt.choices, attempt.key);
        const done = { choices: receipt.choices, key: attempt.key, saved: true };
        keep(pollId, done);
        setKept(done);
        setPicked(receipt.choices);
        break;
      } catch (error) {
        if (error instanceof ApiProblem && error.outcomeUnknown && tries < 5) {
          await pause(500 * 2 ** tries);
          continue;
        }
        setFailure(describe(error));
        break;
      }
    }
    setSending(false);
  }

  const label = (id: string) => poll.tally.options.find((o) => o.id === id)?.label ?? id;
  const savedNow = kept?.saved && kept.choices.join() === picked.join();
  return (
    <div class="audience-vote">
      <h1><User>{poll.tally.title}</User></h1>
      <p class="muted">{single ? t('audience.pickOne') : t('audience.pickUpTo', { count: poll.audience.maxChoices })}</p>
      {poll.tally.closed && <p class="message message-info">{t('audience.closed')}</p>}
      <form onSubmit={submit}>
        <fieldset disabled={poll.tally.closed || sending}>
          <legend class="visually-hidden">{poll.tally.title}</legend>
          <ul class="choices">
            {poll.tally.options.map((o) => (
              <li key={o.id}>
                <label class={picked.includes(o.id) ? 'choice chosen' : 'choice'}>
                  <input type={single ? 'radio' : 'checkbox'} name="choice" value={o.id} checked={picked.includes(o.id)} onChange={() => toggle(o.id)} />
                  <bdi>{o.label}</bdi>
                  {!poll.tally.hidden && poll.tally.closed && <span class="muted">{t('audience.votes', { count: o.dots })}</span>}
                </label>
              </li>
            ))}
          </ul>
          <button type="submit" class="vote-button" disabled={picked.length === 0}>{kept?.saved ? t('audience.change') : t('audience.vote')}</button>
        </fieldset>
      </form>
      <p class="saved" role="status" aria-live="polite" data-testid="vote-status">
        {sending ? t('audience.sending') : savedNow ? t('audience.saved', { choice: kept!.choices.map(label).join(', ') }) : ''}
      </p>
      <Message text={failure} />
      <p class="muted">{t('audience.policy')}</p>
    </div>
  );
}

function CodeForm({ failure }: { failure: string | null }) {
  const [value, setValue] = useState('');
  return (
    <div class="audience-vote">
      <h1>{t('audience.voteTitle')}</h1>
      <Message text={failure} />
      <form class="code-form" onSubmit={(e) => { e.preventDefault(); if (value.trim()) navigate(`/v/${encodeURIComponent(value.trim().toUpperCase())}`); }}>
        <label for="audience-code">{t('audience.codeLabel')}</label>
        <input id="audience-code" value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} autoComplete="off" maxLength={6} required />
        <button type="submit" class="vote-button">{t('audience.join')}</button>
      </form>
    </div>
  );
}
