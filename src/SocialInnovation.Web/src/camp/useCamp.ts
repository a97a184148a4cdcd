import { useEffect, useMemo } from 'preact/hooks';
import { signal, type Signal } from '@preact/signals';
import { errorText, t } from '../i18n';
import { getCamp } from '../api/camps';
import type { CampEvent, CampSnapshot } from '../api/types';
import { CampFeed } from '../live/campFeed';
import { describe } from '../ui/describe';

export interface LiveCamp {
  /** The camp as it now stands; null until loaded. */
  snapshot: Signal<CampSnapshot | null>;
  /** The last live event applied (null after a whole new snapshot). */
  event: Signal<CampEvent | null>;
  /** Why the camp could not be loaded. */
  failure: Signal<string | null>;
  /** A live-update problem (e.g. access withdrawn), shown without replacing the page. */
  notice: Signal<string | null>;
  feed: CampFeed;
}

/**
 * Loads a camp over HTTP (so the page shows even where WebSockets are blocked), then keeps it current
 * from the hub through CampFeed, for as long as the component is mounted.
 */
export function useCamp(campId: string): LiveCamp {
  const live = useMemo<LiveCamp>(() => {
    const snapshot = signal<CampSnapshot | null>(null);
    const event = signal<CampEvent | null>(null);
    const notice = signal<string | null>(null);
    const feed = new CampFeed(campId, {
      change: (next, happened) => {
        snapshot.value = next;
        event.value = happened;
      },
      refused: (code, detail) => (notice.value = t('error.live', { detail: errorText(code, detail) ?? code })),
    });
    return { snapshot, event, failure: signal(null), notice, feed };
  }, [campId]);

  useEffect(() => {
    let left = false;
    getCamp(campId).then(
      (loaded) => {
        if (left) return;
        live.snapshot.value = loaded;
        live.feed.start(loaded);
      },
      (error: unknown) => (live.failure.value = describe(error)),
    );
    return () => {
      left = true;
      live.feed.stop();
    };
  }, [live]);

  return live;
}
