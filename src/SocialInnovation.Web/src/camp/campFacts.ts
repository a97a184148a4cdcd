import { h } from '../ui/dom';
import { countryName, formatDays, languageName, t } from '../i18n';
import type { CampDetails, MemberCounts } from '../api/types';

/** What does not change once a camp is created: where, when, who for. */
export function campFacts(details: CampDetails): HTMLElement {
  const row = (label: string, value: string) => [h('dt', {}, label), h('dd', {}, value)];
  return h('dl', { class: 'facts' },
    row(t('camp.location'), details.location),
    row(t('camp.dates'), formatDays(details.startsOn, details.endsOn)),
    row(t('camp.countries'), details.countries.map(countryName).join(', ')),
    row(t('camp.languages'), details.languages.map(languageName).join(', ')),
    row(t('camp.capacity'), String(details.capacity)),
  );
}

export function memberCounts(members: MemberCounts): HTMLElement[] {
  return [
    h('li', {}, t('members.organizers', { count: members.organizers })),
    h('li', {}, t('members.participants', { count: members.participants })),
    h('li', {}, t('members.mentors', { count: members.mentors })),
    h('li', {}, t('members.judges', { count: members.judges })),
  ];
}
