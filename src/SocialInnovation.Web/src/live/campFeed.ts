import type { CampEvent, CampSnapshot } from '../api/types';
import { applyEvent } from './applyEvent';
import { watchStream, type StreamHandle } from './streamStore';
import { campStream } from './streams';

export interface FeedHandlers {
  /** The camp as it now stands; event is what changed it, null for a whole new snapshot. */
  change(snapshot: CampSnapshot, event: CampEvent | null): void;
  /** A refusal from the hub (e.g. no longer a member), by code and English detail. */
  refused(code: string, detail: string): void;
}

/** Keeps one camp's snapshot current from its stream `camp:<campId>` (see streamStore.ts for the rules). */
export class CampFeed {
  private stream: StreamHandle<CampSnapshot> | null = null;
  private early: CampSnapshot | null = null;

  constructor(private readonly campId: string, private readonly handlers: FeedHandlers) {}

  get current(): CampSnapshot | null {
    return this.stream?.current ?? this.early;
  }

  /** Starts from a snapshot already loaded over HTTP (then only later events are asked for), or from nothing. */
  start(initial: CampSnapshot | null): void {
    if (this.stream) return;
    const first = newer(initial, this.early);
    this.stream = watchStream<CampSnapshot>(campStream(this.campId), {
      fromSnapshot: (snapshot) => snapshot as CampSnapshot,
      reduce: (snapshot, event) => applyEvent(snapshot, event as CampEvent),
      onChange: (snapshot, event) => this.handlers.change(snapshot, event as CampEvent | null),
      onRefused: (code, detail) => this.handlers.refused(code, detail),
      initial: first ? { state: first, position: { epoch: first.epoch, seq: first.seq } } : null,
    });
  }

  stop(): void {
    this.stream?.stop();
  }

  /** A snapshot an HTTP command answered with; kept unless the feed already knows something newer. */
  replace(snapshot: CampSnapshot): void {
    if (this.stream) {
      this.stream.replace(snapshot, { epoch: snapshot.epoch, seq: snapshot.seq });
      return;
    }
    this.early = newer(snapshot, this.early);
    if (this.early === snapshot) this.handlers.change(snapshot, null);
  }
}

function newer(a: CampSnapshot | null, b: CampSnapshot | null): CampSnapshot | null {
  if (!a || !b) return a ?? b;
  return a.epoch === b.epoch && b.seq > a.seq ? b : a;
}
