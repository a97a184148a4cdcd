import './audience.css';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PageProps } from '../router';
import { me } from '../session/current';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { publishedResults, type CampResults } from './audienceApi';
import { WeightLine } from './Standings';

/**
 * /camps/<camp>/results/reveal: the published ranking on the big screen, from last place up one team per
 * press of "Next" (or the space bar / right arrow), or all at once, as the organizer chose.
 */
export default function RevealPage({ params }: PageProps) {
  const campId = params.campId;
  usePageTitle(t('results.revealTitle'));
  const [results, setResults] = useState<CampResults | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [shown, setShown] = useState(0);

  useEffect(() => {
    publishedResults(campId).then((r) => {
      setResults(r);
      setShown(r.reveal === 'AllAtOnce' ? r.standings.length : 0);
    }, (e: unknown) => setFailure(describe(e)));
  }, [campId]);

  const total = results?.standings.length ?? 0;
  const next = () => setShown((n) => Math.min(total, n + 1));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === ' ' || e.key === 'ArrowRight') && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        next();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [total]);

  // No dead end (as on the results page): a signed-in member goes back to the camp page, a visitor to the
  // front page. Below the ranking, so it does not draw the room's eye on the big screen.
  const back = <p class="reveal-back"><a href={me.value ? `/camps/${campId}` : '/'} data-testid="reveal-back">{me.value ? t('camp.backToCamp') : t('results.backToFront')}</a></p>;
  if (failure) return <div class="reveal-screen"><h1>{t('results.revealTitle')}</h1><Message text={failure} />{back}</div>;
  if (!results) return <Loading text={t('results.loading')} />;
  // Last place first: the places shown are the bottom `shown` of the ranking, best at the top.
  const visible = results.standings.slice(total - shown);
  return (
    <div class="big-screen reveal-screen">
      <h1><User>{results.campName}</User></h1>
      <WeightLine results={results} />
      <ol aria-live="polite" data-testid="revealed">
        {visible.map((s) => (
          <li key={s.teamId}><span class="place">{s.rank}.</span> <User>{s.name}</User></li>
        ))}
      </ol>
      {shown < total
        ? <button type="button" onClick={next} data-testid="reveal-next">{t('results.revealNext', { left: total - shown })}</button>
        : <p>{t('results.revealDone')}</p>}
      {back}
    </div>
  );
}
