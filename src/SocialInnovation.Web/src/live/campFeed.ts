import type { CampCatchUp, CampEvent, CampSnapshot } from '../api/types';
import { applyEvent, sameId } from './applyEvent';
import { invoke, isConnected, onCampEvents, onConnected, useLive } from './connection';

interface HubReply<T> { ok: boolean; value: T | null; error: { kind: string | number; code: string; detail: string } | null }

export interface FeedHandlers {
  /** The camp as it now stands; event is what changed it, null for a whole new snapshot. */
  change(snapshot: CampSnapshot, event: CampEvent | null): void;
  /** A refusal from the hub (e.g. no longer a member), by code and English detail. */
  refused(code: string, detail: string): void;
}

/**
 * Keeps one camp's snapshot current from the hub. Sequence numbers rise by exactly one per event:
 * a number already seen is a duplicate and dropped, the next one is applied, and a gap means events
 * were missed, so the feed asks WatchCamp for what came after the last one it has.
 */
export class CampFeed {
  private snapshot: CampSnapshot | null = null;
  private stopped = false;
  private syncing = false;
  private syncAgain = false;
  private pending: CampEvent[] = [];
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly campId: string, private readonly handlers: FeedHandlers) {}

  get current(): CampSnapshot | null {
    return this.snapshot;
  }

  private get lastSeq(): number {
    return this.snapshot?.seq ?? -1;
  }

  /** Starts from a snapshot already loaded over HTTP (then only later events are asked for), or from nothing. */
  start(initial: CampSnapshot | null): void {
    this.snapshot = initial;
    this.cleanups.push(
      onCampEvents((events) => this.receive(events.filter((e) => sameId(e.campId, this.campId)))),
      onConnected(() => void this.sync()),
      useLive(),
    );
    if (isConnected()) void this.sync();
  }

  stop(): void {
    this.stopped = true;
    if (this.cleanups.length > 0 && isConnected()) invoke('UnwatchCamp', this.campId).catch(() => undefined);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /** A snapshot an HTTP command answered with; kept unless the feed already knows something newer. */
  replace(snapshot: CampSnapshot): void {
    if (snapshot.seq < this.lastSeq) return;
    this.snapshot = snapshot;
    this.handlers.change(snapshot, null);
  }

  private receive(events: CampEvent[], syncOnGap = true): void {
    if (this.stopped) return;
    if (this.syncing || !this.snapshot) {
      this.pending.push(...events);
      return;
    }
    const ordered = [...events].sort((a, b) => a.seq - b.seq);
    for (let i = 0; i < ordered.length; i++) {
      const event = ordered[i];
      if (event.seq <= this.lastSeq) continue;
      if (event.seq > this.lastSeq + 1) {
        this.pending.push(...ordered.slice(i));
        if (syncOnGap) void this.sync();
        return;
      }
      this.snapshot = applyEvent(this.snapshot, event);
      this.handlers.change(this.snapshot, event);
    }
  }

  /** WatchCamp(campId, lastSeq): on first start, after every reconnect, and on a gap. */
  private async sync(forceSnapshot = false): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = true;
    const before = this.lastSeq;
    let reply: HubReply<CampCatchUp>;
    try {
      reply = await invoke<HubReply<CampCatchUp>>('WatchCamp', this.campId, this.snapshot && !forceSnapshot ? this.lastSeq : null);
    } catch {
      // The connection dropped mid-call; the reconnect triggers the next sync.
      this.syncing = false;
      return;
    }
    this.syncing = false;
    if (this.stopped) return;
    if (!reply.ok || !reply.value) {
      this.syncAgain = false;
      this.handlers.refused(reply.error?.code ?? 'live', reply.error?.detail ?? '');
      return;
    }
    if (reply.value.snapshot) this.replace(reply.value.snapshot);
    const waiting = this.pending.splice(0);
    this.receive([...reply.value.events, ...waiting], false);
    const gap = this.pending.length > 0;
    if (gap && this.lastSeq > before) {
      await this.sync();
    } else if (gap && !forceSnapshot) {
      // The catch-up did not close the gap (the server no longer keeps those events): take a snapshot.
      await this.sync(true);
    } else if (this.syncAgain) {
      this.syncAgain = false;
      await this.sync();
    }
  }
}
