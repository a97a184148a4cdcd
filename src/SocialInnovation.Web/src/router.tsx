import { signal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { t } from './i18n';
import { currentMe, me } from './session/current';
import { SignInPrompt } from './session/SignInPrompt';

export interface PageProps { params: Record<string, string> }
type PageModule = { default: ComponentType<PageProps> };
interface Route {
  pattern: RegExp;
  names: string[];
  load: () => Promise<PageModule>;
  prefetch?: (params: Record<string, string>) => void;
  /** Anyone may open it, signed in or not; every other page is for signed-in people. */
  open: boolean;
  module?: PageModule;
}

const routes: Route[] = [];

/** The path being shown; pages re-render when it changes. */
export const path = signal(location.pathname);
let moveFocus = false;

/**
 * Registers a path such as "/camps/:campId/organize" with a loader: each page is its own chunk, so the
 * first page a reader opens downloads only itself. prefetch, if given, starts the page's requests while
 * its chunk is still on the way (one round trip less on a slow connection).
 */
export function route(pathPattern: string, load: () => Promise<PageModule>, prefetch?: Route['prefetch']): void {
  addRoute(pathPattern, load, prefetch, false);
}

/**
 * The same for a page anyone may open, signed in or not (the front page, sign-in, joining, applying,
 * published results). Every page registered with route() is for signed-in people: a new page is
 * members-only unless it says otherwise.
 */
export function openRoute(pathPattern: string, load: () => Promise<PageModule>, prefetch?: Route['prefetch']): void {
  addRoute(pathPattern, load, prefetch, true);
}

function addRoute(pathPattern: string, load: () => Promise<PageModule>, prefetch: Route['prefetch'], open: boolean): void {
  const names: string[] = [];
  const source = pathPattern.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  routes.push({ pattern: new RegExp(`^${source}/?$`), names, load, prefetch, open });
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  moveFocus = true;
  path.value = location.pathname;
}

function match(current: string): { route: Route; params: Record<string, string> } | null {
  for (const r of routes) {
    const m = r.pattern.exec(current);
    if (m) return { route: r, params: Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

/** The current page; a page that has not loaded yet shows nothing until its chunk arrives. */
export function Routes({ root }: { root: HTMLElement }) {
  const current = path.value;
  const found = match(current);
  const [, loaded] = useState(0);
  const shown = useRef<string | null>(null);
  const members = !!found && !found.route.open;
  const [asked, setAsked] = useState<string | null>(null);

  // A members-only page: learn who is signed in (GET /api/session, which anyone may ask) before the page
  // asks for anything, so a visitor who is not signed in gets the sign-in prompt instead of a 401. Asked
  // again on each such page while nobody is known: joining by an invite in another tab signs in too.
  useEffect(() => {
    if (!members) return;
    const done = () => setAsked(current);
    currentMe(me.value === null).then(done, done);
  }, [current]);

  useEffect(() => {
    found?.route.prefetch?.(found.params);
    if (found && !found.route.module) {
      found.route.load().then((m) => {
        found.route.module = m;
        loaded((n) => n + 1);
      });
    }
  }, [current]);

  const Page = found?.route.module?.default;
  useEffect(() => {
    if (!Page || shown.current === current) return;
    shown.current = current;
    // After an in-app navigation a screen reader should start at the new page, as after a page load;
    // a page that focused its own first field (sign-in) keeps that focus.
    if (moveFocus) {
      moveFocus = false;
      window.scrollTo(0, 0);
      if (!root.contains(document.activeElement)) root.focus({ preventScroll: true });
    }
  });

  if (!found) return <NotFound />;
  const who = me.value;
  if (members && who === null && asked === current) return <SignInPrompt />;
  // Not known yet: nothing, as while a page's chunk loads. (Could not ask: the page shows its own error.)
  if (members && (who === null || (who === undefined && asked !== current))) return null;
  // Keyed by path: leaving a page unmounts it, which stops its live feed.
  return Page ? <Page key={current} params={found.params} /> : null;
}

function NotFound() {
  return (
    <>
      <h1>{t('common.notFound')}</h1>
      <p><a href="/">{t('common.backHome')}</a></p>
    </>
  );
}

export function startRouter(): void {
  window.addEventListener('popstate', () => {
    moveFocus = true;
    path.value = location.pathname;
  });
  document.addEventListener('click', (event) => {
    const anchor = (event.target as Element | null)?.closest('a');
    if (!anchor || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || anchor.target) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/') || anchor.hasAttribute('download')) return;
    if (url.pathname === location.pathname && url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
}
