import { h, replaceChildren } from './dom';
import { t } from '../i18n';
import { signOut } from '../api/session';
import type { Me } from '../api/types';
import { onMeChanged, setMe } from '../session/current';
import { navigate } from '../router';

/** Sets the tab title, which screen readers announce after a navigation. */
export function pageTitle(text: string | null): void {
  document.title = text ? `${text} · ${t('app.name')}` : t('app.name');
}

export function renderHeader(): void {
  const header = document.getElementById('site-header')!;
  const skip = h('a', { class: 'skip-link', href: '#app', onclick: skipToContent }, t('app.skip'));
  const nav = h('nav', { 'aria-label': t('nav.main') });
  replaceChildren(header, skip, h('a', { class: 'brand', href: '/' }, t('app.name')), nav);
  onMeChanged((me) => replaceChildren(nav, navItems(me)));
  replaceChildren(nav, navItems(null));
}

function navItems(me: Me | null): Node[] {
  if (!me) return [h('a', { href: '/signin' }, t('nav.signin'))];
  return [
    h('a', { href: '/' }, t('nav.home')),
    h('span', { class: 'who' }, t('nav.signedInAs', { name: me.name })),
    h('button', { type: 'button', class: 'link-button', onclick: () => void leave() }, t('nav.signout')),
  ];
}

async function leave(): Promise<void> {
  try {
    await signOut();
  } finally {
    setMe(null);
    navigate('/');
  }
}

// A plain "#app" link would overwrite the invite token kept in /join's fragment.
function skipToContent(event: Event): void {
  event.preventDefault();
  document.getElementById('app')?.focus();
}
