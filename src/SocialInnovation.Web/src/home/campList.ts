import { h } from '../ui/dom';
import { phaseBadge } from '../ui/badges';
import { empty } from '../ui/status';
import { formatDays, roleName, t } from '../i18n';
import type { Me } from '../api/types';

export function campList(me: Me): HTMLElement {
  if (me.camps.length === 0) {
    return empty(t(me.isPlatformOrganizer ? 'home.emptyOrganizer' : 'home.empty'));
  }
  return h('ul', { class: 'camp-list' }, me.camps.map((camp) =>
    h('li', { class: 'card camp-item' },
      h('h2', {}, h('a', { href: `/camps/${camp.campId}` }, camp.name)),
      h('p', { class: 'muted' }, camp.location, ' · ', formatDays(camp.startsOn, camp.endsOn)),
      h('p', {}, t('home.role', { role: roleName(camp.role) }), ' ', phaseBadge(camp.phase)),
    ),
  ));
}
