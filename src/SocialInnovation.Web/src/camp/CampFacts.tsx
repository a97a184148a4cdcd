import { countryName, formatDays, formatNumber, languageName, t } from '../i18n';
import type { CampDetails, MemberCounts as Counts } from '../api/types';
import { User } from '../ui/text';

/** What does not change once a camp is created: where, when, who for. */
export function CampFacts({ details }: { details: CampDetails }) {
  return (
    <dl class="facts">
      <dt>{t('camp.location')}</dt><dd><User>{details.location}</User></dd>
      <dt>{t('camp.dates')}</dt><dd>{formatDays(details.startsOn, details.endsOn)}</dd>
      <dt>{t('camp.countries')}</dt><dd>{details.countries.map(countryName).join(', ')}</dd>
      <dt>{t('camp.languages')}</dt><dd>{details.languages.map(languageName).join(', ')}</dd>
      <dt>{t('camp.capacity')}</dt><dd>{formatNumber(details.capacity)}</dd>
    </dl>
  );
}

export const MemberCounts = ({ members }: { members: Counts }) => (
  <ul class="counts">
    <li>{t('members.organizers', { count: formatNumber(members.organizers) })}</li>
    <li>{t('members.participants', { count: formatNumber(members.participants) })}</li>
    <li>{t('members.mentors', { count: formatNumber(members.mentors) })}</li>
    <li>{t('members.judges', { count: formatNumber(members.judges) })}</li>
  </ul>
);
