import type { StreamEnvelope } from '../api/types';
import type { SelectionEntry, SelectionSettings } from './intakeApi';
import { watchStream } from '../live/streamStore';
import { streamName } from '../live/streams';

/** The `selection:<camp>` stream's snapshot (SelectionLive on the server). */
export interface SelectionLive {
  campId: string;
  entries: SelectionEntry[];
  settings: SelectionSettings;
}

/**
 * Entries merged from any source (a list loaded over HTTP, a command's answer, a pushed event): an entry
 * replaces the one with its id unless that one is newer. Entries are never removed by the server, so
 * one missing from <code>incoming</code> stays.
 */
export function mergeEntries(current: SelectionEntry[] | null, incoming: SelectionEntry[], override = false): SelectionEntry[] {
  const byId = new Map((current ?? []).map((e) => [e.application.applicationId, e]));
  for (const entry of incoming) {
    const known = byId.get(entry.application.applicationId);
    if (override || !known || known.version <= entry.version) byId.set(entry.application.applicationId, entry);
  }
  return [...byId.values()];
}

/**
 * Watches the camp's selection: <code>entries</code> gets each changed entry (from a snapshot, every entry,
 * which wins over what the page had: it is what storage has); <code>changed</code> is called after every
 * event and snapshot, since counts and places follow from both.
 */
export function watchSelection(campId: string, handlers: {
  entries(entries: SelectionEntry[], snapshot: boolean): void;
  changed(): void;
  refused(detail: string): void;
}): () => void {
  const store = watchStream<number>(streamName('selection', campId), {
    fromSnapshot: (snapshot) => {
      handlers.entries((snapshot as SelectionLive).entries, true);
      return 0;
    },
    reduce: (count, event: StreamEnvelope) => {
      if (event.kind === 'entry') handlers.entries([event.payload as SelectionEntry], false);
      return count + 1;
    },
    // After a snapshot too: a Watch answered after a colleague's decision brings it in the snapshot, not
    // as an event, and the counts the page loaded before it are then out of date.
    onChange: () => handlers.changed(),
    onRefused: (code, detail) => handlers.refused(detail || code),
  });
  return () => store.stop();
}
