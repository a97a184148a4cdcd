import { h, replaceChildren } from '../ui/dom';
import { pageTitle } from '../ui/layout';
import { describe, loading, messageRegion } from '../ui/status';
import { t } from '../i18n';
import type { Me } from '../api/types';
import { currentMe } from '../session/current';
import { campList } from './campList';
import { createCampSection } from './createCampForm';

export function homePage(root: HTMLElement): void {
  const body = h('div', {}, loading(t('home.loading')));
  root.append(body);
  currentMe(true).then(
    (me) => replaceChildren(body, me ? myCamps(me) : welcome()),
    (error: unknown) => {
      const region = messageRegion('error');
      region.show(describe(error));
      replaceChildren(body, region);
    },
  );
}

function welcome(): Node[] {
  pageTitle(null);
  const signin = h('a', { href: '/signin' }, t('welcome.organizerLink'));
  const [before, after] = t('welcome.organizer').split('{link}');
  return [
    h('h1', {}, t('welcome.title')),
    h('p', { class: 'lead' }, t('welcome.lead')),
    h('p', {}, before, signin, after),
    h('p', {}, t('welcome.invitees')),
  ];
}

function myCamps(me: Me): Node[] {
  pageTitle(t('home.title'));
  return [
    h('h1', {}, t('home.title')),
    campList(me),
    me.isPlatformOrganizer ? createCampSection() : null,
  ].filter((n): n is HTMLElement => !!n);
}
