import { formatNumber, t } from '../i18n';
import { User } from '../ui/text';
import { percent, type CampResults } from './audienceApi';

// A no-break space: "92.9 %" never ends a line with the number and starts the next with the sign.
const pct = (part: number) => `${formatNumber(Math.round(part * 1000) / 10)}\u00a0%`;

/** The weights said openly: how much the judges and the audience count. */
export const WeightLine = ({ results }: { results: CampResults }) => (
  <p class="results-weight" data-testid="weights">
    {t('results.weights', { judges: 100 - percent(results.audienceWeight), audience: percent(results.audienceWeight) })}
  </p>
);

/** The final standings with both parts, so anyone can see how each place came about. */
export function StandingsTable({ results }: { results: CampResults }) {
  return (
    // Focusable: a table wider than a phone scrolls in this box, and the keyboard must reach it (WCAG 2.1.1).
    <div class="table-scroll" tabIndex={0} role="region" aria-label={t('results.standings')}>
      <table data-testid="standings">
        <caption class="visually-hidden">{t('results.standings')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.place')}</th>
            <th scope="col">{t('results.team')}</th>
            <th scope="col">{t('results.judgesPart')}</th>
            <th scope="col">{t('results.audienceVotes')}</th>
            <th scope="col">{t('results.audiencePart')}</th>
            <th scope="col">{t('results.final')}</th>
          </tr>
        </thead>
        <tbody>
          {results.standings.map((s) => (
            <tr key={s.teamId}>
              <td>{s.rank}</td>
              <th scope="row"><User>{s.name}</User></th>
              <td>{s.judgeRank === null ? t('results.unjudged') : pct(s.judgesPart)}</td>
              <td>{s.audienceVotes}</td>
              <td>{pct(s.audiencePart)}</td>
              <td>{pct(s.final)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Awards and mini-grants, each with its team's name. */
export function AwardsList({ results }: { results: CampResults }) {
  const name = (teamId: string) => results.standings.find((s) => s.teamId === teamId)?.name ?? teamId;
  return (
    <>
      <h2>{t('results.awards')}</h2>
      {results.awards.length === 0 ? <p class="empty">{t('results.noAwards')}</p> : (
        <ul data-testid="awards">
          {results.awards.map((a, i) => (
            <li key={i}><strong><User>{a.title}</User></strong> ({t(`results.award.${a.kind}`)}): <User>{name(a.teamId)}</User></li>
          ))}
        </ul>
      )}
      <h2>{t('results.grants')}</h2>
      {results.grants.length === 0 ? <p class="empty">{t('results.noGrants')}</p> : (
        <>
          <p>{t('results.pool', { amount: formatNumber(results.grantPool), currency: results.currency })}</p>
          <ul data-testid="grants">
            {results.grants.map((g) => (
              <li key={g.teamId}><User>{name(g.teamId)}</User>: {formatNumber(g.amount)} {results.currency}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
