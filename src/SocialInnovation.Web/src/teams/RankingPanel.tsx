import { useEffect, useMemo, useState } from 'preact/hooks';
import { IdempotentSubmission } from '../api/idempotency';
import type { Schema } from '../api/types';
import { t, type MessageKey } from '../i18n';
import { describe } from '../ui/describe';
import { Message } from '../ui/Message';
import { myRanking, rankThemes } from './teamsApi';

const places: MessageKey[] = ['ranking.first', 'ranking.second', 'ranking.third'];

/**
 * A participant's 1st, 2nd and 3rd choice of the camp's teams. Saving again replaces the ranking; once
 * the organizer publishes the teams it is shown, not editable.
 */
export function RankingPanel({ campId, teams, published }: { campId: string; teams: Schema<'TeamView'>[]; published: boolean }) {
  const [choices, setChoices] = useState<string[]>(['', '', '']);
  const [saved, setSaved] = useState<string[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submission = useMemo(() => new IdempotentSubmission(`ranking:${campId}`), [campId]);

  useEffect(() => {
    myRanking(campId).then((mine) => {
      const had = mine.ranking?.choices ?? [];
      setSaved(had);
      setChoices([had[0] ?? '', had[1] ?? '', had[2] ?? '']);
    }, (e: unknown) => setMessage({ kind: 'error', text: describe(e) }));
  }, [campId]);

  const picked = choices.filter((c) => c !== '');
  const nameOf = (teamId: string) => teams.find((x) => x.teamId === teamId)?.name ?? '';

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const ranking = await submission.run((key) => rankThemes(campId, picked, key), picked);
      setSaved(ranking.choices);
      setMessage({ kind: 'info', text: t('ranking.saved') });
    } catch (error) {
      setMessage({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(false);
    }
  }

  // The form waits for the saved ranking, so a late answer never overwrites what is being chosen.
  if (saved === null) return message ? <Message kind={message.kind} text={message.text} /> : null;
  if (published) {
    return saved.length > 0 ? (
      <section class="card ranking" aria-labelledby="ranking-title">
        <h2 id="ranking-title">{t('ranking.title')}</h2>
        <p>{t('ranking.closed')}</p>
        <ol>{saved.map((id) => <li key={id}><bdi>{nameOf(id)}</bdi></li>)}</ol>
      </section>
    ) : null;
  }

  return (
    <form class="card ranking form" aria-labelledby="ranking-title" onSubmit={(e) => void save(e)} data-testid="ranking-form">
      <h2 id="ranking-title">{t('ranking.title')}</h2>
      <p class="hint">{t('ranking.hint')}</p>
      {places.map((place, i) => (
        <div class="field" key={place}>
          <label for={`ranking-${i}`}>{t(place)}</label>
          <select id={`ranking-${i}`} value={choices[i]} disabled={busy}
            onChange={(e) => setChoices(choices.map((c, j) => (j === i ? (e.target as HTMLSelectElement).value : c)))}>
            <option value="">{t('ranking.noChoice')}</option>
            {teams.map((team) => (
              <option key={team.teamId} value={team.teamId} disabled={choices.some((c, j) => j !== i && c === team.teamId)}>
                {team.name}{team.theme && team.theme !== team.name ? ` — ${team.theme}` : ''}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" disabled={busy || picked.length === 0} data-testid="ranking-save">{t('ranking.save')}</button>
      <Message kind={message?.kind} text={message?.text} />
    </form>
  );
}
