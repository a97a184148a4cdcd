import { h, replaceChildren } from '../ui/dom';
import { describe, empty, loading, messageRegion } from '../ui/status';
import { formatMoment, roleName, t } from '../i18n';
import { getMembers } from '../api/camps';

/** Who has joined the camp. Reloaded when a live event says someone joined. */
export function roster(campId: string): { element: HTMLElement; reload(): void } {
  const list = h('div', {}, loading(t('roster.loading')));
  const errors = messageRegion('error');

  function reload(): void {
    getMembers(campId).then(
      (members) => {
        errors.show(null);
        const sorted = [...members].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
        replaceChildren(list, sorted.length === 0 ? empty(t('roster.empty')) : h('ul', { class: 'roster' }, sorted.map((m) =>
          h('li', {}, h('strong', {}, m.name), ' · ', roleName(m.role), ' · ',
            h('span', { class: 'muted' }, t('roster.joined', { date: formatMoment(m.joinedAt) }))))));
      },
      (error: unknown) => {
        replaceChildren(list);
        errors.show(describe(error));
      },
    );
  }

  reload();
  return { element: h('div', {}, errors, list), reload };
}
