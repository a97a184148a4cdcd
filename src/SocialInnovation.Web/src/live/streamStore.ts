import type { HubReply, StreamCatchUp, StreamEnvelope, StreamPosition } from '../api/types';
import { invoke, isConnected, onConnected, onStreamEvents, useLive } from './connection';

export interface StreamOptions<S> {
  /** The state from a catch-up's snapshot (the stream kind's snapshot record). */
  fromSnapshot(snapshot: unknown): S;
  /** The state after one event. */
  reduce(state: S, event: StreamEnvelope): S;
  /** The state as it now stands; event is what changed it, null for a whole new snapshot. */
  onChange(state: S, event: StreamEnvelope | null): void;
  /** The server refused to let this page watch (e.g. no longer a member): by code and English detail. */
  onRefused(code: string, detail: string): void;
  /** A state already loaded (e.g. over HTTP) and its position: then only later events are asked for. */
  initial?: { state: S; position: StreamPosition } | null;
}

export interface StreamHandle<S> {
  readonly current: S | null;
  readonly position: StreamPosition | null;
  /** A state a command answered with; kept unless the store already has something newer. */
  replace(state: S, position: StreamPosition): void;
  stop(): void;
}

// Retries of a failed Watch: quick at first, then every 15 s at most, with jitter so that a whole
// room does not retry in step after a node fails.
const retryDelay = (attempt: number) => Math.min(15000, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.5);

/**
 * Keeps one stream's state current. Per event: the same epoch and a seq already had → dropped; the
 * next seq → applied; a gap or another epoch → Watch(stream, position) again, which answers the events
 * missed or a snapshot. The same call starts watching, resumes after every reconnect (groups belong to
 * a connection) and repairs gaps. A failed or retryable Watch is retried with backoff until it
 * succeeds; only a refusal stops it.
 */
export function watchStream<S>(name: string, options: StreamOptions<S>): StreamHandle<S> {
  return new StreamStore(name, options);
}

class StreamStore<S> implements StreamHandle<S> {
  private state: S | null;
  private at: StreamPosition | null;
  private stopped = false;
  private syncing = false;
  private syncAgain = false;
  private pending: StreamEnvelope[] = [];
  private attempt = 0;
  private retryTimer: number | undefined;
  private readonly cleanups: (() => void)[];

  constructor(private readonly name: string, private readonly options: StreamOptions<S>) {
    this.state = options.initial?.state ?? null;
    this.at = options.initial?.position ?? null;
    this.cleanups = [
      onStreamEvents(name, (events) => this.receive(events)),
      onConnected(() => void this.sync()),
      useLive(),
    ];
    if (isConnected()) void this.sync();
  }

  get current(): S | null {
    return this.state;
  }

  get position(): StreamPosition | null {
    return this.at;
  }

  replace(state: S, position: StreamPosition): void {
    if (this.at && position.epoch === this.at.epoch && position.seq < this.at.seq) return;
    this.state = state;
    this.at = position;
    this.options.onChange(state, null);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    window.clearTimeout(this.retryTimer);
    if (isConnected()) invoke('Unwatch', this.name).catch(() => undefined);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private receive(events: StreamEnvelope[], resyncOnGap = true): void {
    if (this.stopped) return;
    if (this.syncing || this.state === null || this.at === null) {
      this.pending.push(...events);
      return;
    }
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      const at: StreamPosition = this.at;
      if (event.epoch === at.epoch && event.seq <= at.seq) continue;
      if (event.epoch !== at.epoch || event.seq > at.seq + 1) {
        // Missed something, or the owner started a new epoch: ask where things stand.
        this.pending.push(...events.slice(i));
        if (resyncOnGap) void this.sync();
        return;
      }
      this.state = this.options.reduce(this.state as S, event);
      this.at = { epoch: event.epoch, seq: event.seq };
      this.options.onChange(this.state, event);
    }
  }

  private async sync(): Promise<void> {
    if (this.stopped) return;
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    // Not connected: the (re)connection calls sync again.
    if (!isConnected()) return;
    window.clearTimeout(this.retryTimer);
    this.syncing = true;
    let reply: HubReply<StreamCatchUp>;
    try {
      reply = await invoke<HubReply<StreamCatchUp>>('Watch', this.name, this.at);
    } catch {
      reply = { ok: false, value: null, error: { kind: 'Unavailable', code: 'live.failed', detail: '', errors: null, retryable: true } };
    }
    this.syncing = false;
    if (this.stopped) return;
    if (!reply.ok || !reply.value) {
      if (reply.error?.retryable ?? true) {
        this.retryLater();
      } else {
        this.pending = [];
        this.options.onRefused(reply.error?.code ?? 'live', reply.error?.detail ?? '');
      }
      return;
    }
    this.attempt = 0;
    this.catchUp(reply.value);
    if (this.syncAgain) {
      this.syncAgain = false;
      await this.sync();
    }
  }

  private catchUp(catchUp: StreamCatchUp): void {
    if (catchUp.snapshot !== null) {
      this.state = this.options.fromSnapshot(catchUp.snapshot);
      this.at = { epoch: catchUp.epoch, seq: catchUp.seq };
      this.options.onChange(this.state, null);
    } else if (this.state !== null && this.at !== null) {
      // The events follow the position asked from (the server answers a snapshot to another epoch).
      for (const event of catchUp.events) {
        if (event.seq <= this.at.seq) continue;
        this.state = this.options.reduce(this.state as S, event);
        this.at = { epoch: event.epoch, seq: event.seq };
        this.options.onChange(this.state, event);
      }
      this.at = { epoch: catchUp.epoch, seq: catchUp.seq };
    }
    // What arrived meanwhile: the copies and the events of other epochs are dropped; a gap asks again. A reset
    // (epoch 0: a write failed, and events shown may never have been stored) or a newer epoch may have come after
    // the server made this answer, so either asks again rather than being dropped with the old epoch's events.
    const at = this.at;
    if (this.pending.some((e) => e.epoch === 0 || (at !== null && e.epoch > at.epoch))) this.syncAgain = true;
    const waiting = this.pending.splice(0).filter((e) => at !== null && e.epoch === at.epoch && e.seq > at.seq);
    waiting.sort((a, b) => a.seq - b.seq);
    this.receive(waiting);
  }

  private retryLater(): void {
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => void this.sync(), retryDelay(this.attempt++));
  }
}
