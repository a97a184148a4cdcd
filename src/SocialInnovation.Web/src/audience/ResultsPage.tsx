import './audience.css';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PageProps } from '../router';
import { describe } from '../ui/describe';
import { Loading, Message } from '../ui/Message';
import { User } from '../ui/text';
import { usePageTitle } from '../ui/usePageTitle';
import { me } from '../session/current';
import { publishedResults, type CampResults } from './audienceApi';
import { AwardsList, StandingsTable, WeightLine } from './Standings';

/** /camps/<camp>/results: the published results, for everyone (nothing is shown before publishing). */
export default function ResultsPage({ params }: PageProps) {
  const campId = params.campId;
  usePageTitle(t('results.title'));
  const [results, setResults] = useState<CampResults | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    publishedResults(campId).then(setResults, (e: unknown) => setFailure(describe(e)));
  }, [campId]);

  // Results are public: a signed-in member goes back to the camp page, a visitor to the front page.
  const back = <p><a href={me.value ? `/camps/${campId}` : '/'} data-testid="results-back">{me.value ? t('camp.backToCamp') : t('results.backToFront')}</a></p>;
  if (failure) return <div class="results-page"><h1>{t('results.title')}</h1><Message text={failure} />{back}</div>;
  if (!results) return <Loading text={t('results.loading')} />;
  return (
    <div class="results-page">
      <h1>{t('results.title')}: <User>{results.campName}</User></h1>
      {back}
      <WeightLine results={results} />
      <StandingsTable results={results} />
      <AwardsList results={results} />
    </div>
  );
}
