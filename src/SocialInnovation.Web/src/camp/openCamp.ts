import { h, replaceChildren } from '../ui/dom';
import { describe, loading, messageRegion } from '../ui/status';
import { errorText, t } from '../i18n';
import { getCamp } from '../api/camps';
import type { CampEvent, CampSnapshot } from '../api/types';
import { CampFeed } from '../live/campFeed';
import { liveIndicator } from '../live/indicator';

export interface OpenCamp {
  feed: CampFeed;
  live: HTMLElement;
  /** Shows a live-update problem (e.g. access withdrawn) without replacing the page. */
  notice: ReturnType<typeof messageRegion>;
}

/**
 * Loads a camp over HTTP (so the page shows even where WebSockets are blocked), then keeps it current
 * from the hub. build() runs once with the first snapshot; update() on every change after.
 */
export function openCamp(
  root: HTMLElement,
  campId: string,
  build: (snapshot: CampSnapshot, camp: OpenCamp) => Node,
  update: (snapshot: CampSnapshot, event: CampEvent | null) => void,
): () => void {
  const body = h('div', {}, loading(t('camp.loading')));
  root.append(body);
  const indicator = liveIndicator();
  const notice = messageRegion('error');
  let ready = false;
  const feed = new CampFeed(campId, {
    change: (snapshot, event) => {
      if (ready) update(snapshot, event);
    },
    refused: (code, detail) => notice.show(t('error.live', { detail: errorText(code, detail) ?? code })),
  });
  let left = false;

  getCamp(campId).then(
    (snapshot) => {
      if (left) return;
      replaceChildren(body, build(snapshot, { feed, live: indicator.element, notice }));
      ready = true;
      update(snapshot, null);
      feed.start(snapshot);
    },
    (error: unknown) => {
      const region = messageRegion('error');
      region.show(describe(error));
      replaceChildren(body, region, h('p', {}, h('a', { href: '/' }, t('common.backHome'))));
    },
  );

  return () => {
    left = true;
    feed.stop();
    indicator.dispose();
  };
}
