import { useId, useMemo, useState } from 'preact/hooks';
import { t } from '../i18n';
import { IdempotentSubmission } from '../api/idempotency';
import { navigate } from '../router';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { chooseThemes, mergeStatements, type StatementView } from './statementsApi';

/**
 * The organizer's side: merge a duplicate into another statement (its dots move), then close the vote and
 * make the top K statements the camp's themes and teams. Plain selects and number inputs, so the keyboard
 * and a screen reader work as with any form.
 */
export function OrganizerControls({ campId, open, voting, closed, changed }: {
  campId: string; open: StatementView[]; voting: boolean; closed: boolean; changed: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const merging = useMemo(() => new IdempotentSubmission(`merge:${campId}`), [campId]);
  const choosing = useMemo(() => new IdempotentSubmission(`themes:${campId}`), [campId]);
  const mergeId = useId();
  const chooseId = useId();

  async function run(action: () => Promise<unknown>, message: string): Promise<void> {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      changed();
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  }

  const value = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
  const options = open.map((s) => <option key={s.id} value={s.id}>{s.title}</option>);

  return (
    <section class="card" aria-labelledby={mergeId}>
      <h2 id={mergeId}>{t('statements.organize')}</h2>
      {open.length >= 2 && !closed && (
        <form class="form" aria-label={t('statements.merge')} onSubmit={(e) => {
          e.preventDefault();
          const values = { from: value(e.currentTarget, 'from'), into: value(e.currentTarget, 'into') };
          const title = open.find((s) => s.id === values.into)?.title ?? '';
          void run(() => merging.run((key) => mergeStatements(campId, values.from, values.into, key), values), t('statements.mergedDone', { title }));
        }}>
          <p class="hint">{t('statements.mergeHint')}</p>
          <label>{t('statements.mergeFrom')}<select name="from" required dir="auto" data-testid="merge-from">{options}</select></label>
          <label>{t('statements.mergeInto')}<select name="into" required dir="auto" data-testid="merge-into" defaultValue={open[0]?.id}>{options}</select></label>
          <div class="actions"><button type="submit" disabled={busy} data-testid="merge-submit">{t('statements.merge')}</button></div>
        </form>
      )}
      {voting ? (
        <form class="form" aria-labelledby={chooseId} onSubmit={(e) => {
          e.preventDefault();
          const values = { count: Number(value(e.currentTarget, 'count')), capacity: Number(value(e.currentTarget, 'capacity')) };
          void run(async () => {
            await choosing.run((key) => chooseThemes(campId, values.count, values.capacity, key), values);
            navigate(`/camps/${campId}/teams`);
          }, t('statements.chosen'));
        }}>
          <h3 id={chooseId}>{t('statements.choose')}</h3>
          <p class="hint">{t('statements.tieRule')}</p>
          <label>{t('vote.topCount')}<input name="count" type="number" required min={1} max={20} defaultValue={String(Math.min(5, open.length))} inputMode="numeric" /></label>
          <label>{t('vote.capacity')}<input name="capacity" type="number" required min={1} max={50} defaultValue="8" inputMode="numeric" /></label>
          <div class="actions"><button type="submit" disabled={busy} data-testid="choose-themes">{t('statements.chooseButton')}</button></div>
        </form>
      ) : (
        <p><a href={`/camps/${campId}/vote`}>{t('statements.openVoteHint')}</a></p>
      )}
      <Message text={error} />
      <Message kind="info" text={done} />
    </section>
  );
}
