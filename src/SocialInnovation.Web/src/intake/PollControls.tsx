import { useMemo, useState } from 'preact/hooks';
import { t } from '../i18n';
import { IdempotentSubmission } from '../api/idempotency';
import { navigate } from '../router';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { closePoll, formTeams, openPoll, type PollTally } from './intakeApi';

/** The organizer's side of the vote: open it, close it, then make the top problems into teams. */
export function PollControls({ campId, tally, opened }: { campId: string; tally: PollTally | null; opened: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opening = useMemo(() => new IdempotentSubmission(`poll:${campId}`), [campId]);
  const forming = useMemo(() => new IdempotentSubmission(`form-teams:${campId}`), [campId]);

  async function run(action: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  }

  const field = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;

  if (!tally) {
    return (
      <form class="card form" aria-labelledby="open-heading" onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const values = { title: field(form, 'title').trim(), dots: Number(field(form, 'dots')) };
        void run(async () => {
          await opening.run((key) => openPoll(campId, values.title, values.dots, key), values);
          opened();
        });
      }}>
        <h2 id="open-heading">{t('vote.open')}</h2>
        <label>{t('vote.pollTitle')}<input name="title" required minLength={2} maxLength={120} defaultValue={t('vote.defaultTitle')} dir="auto" /></label>
        <label>{t('vote.dotsPerVoter')}<input name="dots" type="number" required min={1} max={20} defaultValue="3" inputMode="numeric" /></label>
        <Message text={error} />
        <div class="actions"><button type="submit" disabled={busy} data-testid="poll-open">{t('vote.openButton')}</button></div>
      </form>
    );
  }

  return (
    <section class="card" aria-labelledby="run-heading">
      <h2 id="run-heading">{t('vote.organize')}</h2>
      <p><a href={`/camps/${campId}/vote/screen`} data-testid="tally-screen-link">{t('vote.bigScreen')}</a></p>
      {!tally.closed && (
        <button type="button" disabled={busy} onClick={() => void run(() => closePoll(campId, tally.pollId))} data-testid="poll-close">{t('vote.close')}</button>
      )}
      {tally.closed && (
        <form class="form" aria-label={t('vote.makeTeams')} onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const values = { count: Number(field(form, 'count')), capacity: Number(field(form, 'capacity')) };
          void run(async () => {
            await forming.run((key) => formTeams(campId, tally.pollId, values.count, values.capacity, key), values);
            navigate(`/camps/${campId}/teams`);
          });
        }}>
          <label>{t('vote.topCount')}<input name="count" type="number" required min={1} max={20} defaultValue={String(Math.min(5, tally.options.length))} inputMode="numeric" /></label>
          <label>{t('vote.capacity')}<input name="capacity" type="number" required min={1} max={50} defaultValue="8" inputMode="numeric" /></label>
          <div class="actions"><button type="submit" disabled={busy} data-testid="form-teams">{t('vote.makeTeams')}</button></div>
        </form>
      )}
      <Message text={error} />
    </section>
  );
}
