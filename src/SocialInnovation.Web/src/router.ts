export interface Page {
  /** Renders into root; the returned function, if any, runs when the reader leaves the page. */
  (root: HTMLElement, params: Record<string, string>): void | (() => void);
}

interface Route { pattern: RegExp; names: string[]; page: Page }

const routes: Route[] = [];
let notFound: Page = () => undefined;
let leave: (() => void) | void;

/** Registers a path such as "/camps/:campId/organize". */
export function route(path: string, page: Page): void {
  const names: string[] = [];
  const source = path.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  routes.push({ pattern: new RegExp(`^${source}/?$`), names, page });
}

export function fallback(page: Page): void {
  notFound = page;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render(true);
}

function render(moveFocus: boolean): void {
  const root = document.getElementById('app')!;
  leave?.();
  root.replaceChildren();
  const path = location.pathname;
  for (const { pattern, names, page } of routes) {
    const match = pattern.exec(path);
    if (!match) continue;
    const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
    leave = page(root, params);
    if (moveFocus) focusPage(root);
    return;
  }
  leave = notFound(root, {});
}

/** After an in-app navigation, a screen reader should start at the new page, as after a page load. */
function focusPage(root: HTMLElement): void {
  window.scrollTo(0, 0);
  // A page that focused its own first field (sign-in) keeps that focus.
  if (!root.contains(document.activeElement)) root.focus({ preventScroll: true });
}

export function start(): void {
  window.addEventListener('popstate', () => render(true));
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
  render(false);
}
