import { signal } from '@preact/signals';
import { ApiProblem } from '../api/http';
import { onConnected } from '../live/connection';
import { device, dropLegacy, readLegacy, type DeviceStore } from './deviceStore';

const retryDelay = (attempt: number) => Math.min(15000, 1000 * 2 ** attempt);

export interface DeviceOutboxOptions<Op, Ack> {
  /** Where the writes not yet acknowledged are kept on the device. */
  key: string;
  /** Where an older version of the app kept them in localStorage; moved over when first loaded. */
  legacyKey?: string;
  /** Sends one write (with the idempotency key and the version it was based on that it carries). */
  send(op: Op): Promise<Ack>;
  /** The server stored it. */
  acked(op: Op, ack: Ack): void;
  /** The server refused it for good (not a lost connection); it has left the outbox. */
  refused(op: Op, error: unknown): void;
  /** The waiting list or the connection state changed. */
  changed?(): void;
  store?: DeviceStore;
}

/**
 * A page's writes not yet acknowledged by the server, kept on the device (IndexedDB) so that closing the
 * tab or rebooting the tablet loses none, and sent one after another, oldest first, whenever there is a
 * connection. A write whose outcome is unknown (no connection, 5xx) stays, with the same idempotency key,
 * and is sent again with backoff, when the browser says it is online, and when the hub reconnects: a
 * resend is applied once. The board and the judge's page share this loop; each says what an
 * acknowledgement or a refusal means to it.
 */
export class DeviceOutbox<Op, Ack> {
  /** How many writes wait; 0 means everything made on this device is stored. */
  readonly pending = signal(0);
  /** True while the last send failed for want of a connection. */
  readonly stalled = signal(false);
  /** Resolves once what an earlier visit left on the device is loaded (until then `pending` is not known). */
  readonly ready: Promise<void>;
  private ops: Op[] = [];
  private loaded = false;
  private running: Promise<void> | null = null;
  private retrying = false;
  private stopped = false;
  private attempt = 0;
  private timer: number | undefined;
  private saving: Promise<void> = Promise.resolve();
  private readonly cleanups: (() => void)[] = [];
  private readonly store: DeviceStore;

  constructor(private readonly options: DeviceOutboxOptions<Op, Ack>) {
    this.store = options.store ?? device();
    this.ready = this.load();
    const wake = () => void this.flush();
    window.addEventListener('online', wake);
    this.cleanups.push(() => window.removeEventListener('online', wake), onConnected(wake));
    void this.ready.then(() => this.flush());
  }

  /** The writes waiting, oldest first (pages show them on top of what the server confirmed). */
  get waiting(): readonly Op[] {
    return this.ops;
  }

  get loadedFromDevice(): boolean {
    return this.loaded;
  }

  add(op: Op): void {
    this.ops.push(op);
    this.save();
    this.options.changed?.();
    void this.flush();
  }

  /** Takes writes out unsent (the page decided they must not go, say because one they built on was refused). */
  withdraw(ops: readonly Op[]): void {
    if (ops.length === 0) return;
    this.ops = this.ops.filter((o) => !ops.includes(o));
    this.save();
    this.options.changed?.();
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.timer);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /** Resolves when every change so far is written to the device. */
  saved(): Promise<void> {
    return this.saving;
  }

  /** Sends what waits; resolves when this round of sending is over (sent, refused, or waiting for a retry). */
  flush(): Promise<void> {
    if (!this.loaded || this.stopped) return Promise.resolve();
    return (this.running ??= this.send().finally(() => {
      this.running = null;
      // A write added while the last answer was on its way is not left waiting for the next wake.
      if (this.ops.length > 0 && !this.retrying && !this.stopped) void this.flush();
    }));
  }

  private async send(): Promise<void> {
    window.clearTimeout(this.timer);
    this.retrying = false;
    while (this.ops.length > 0 && !this.stopped) {
      const op = this.ops[0];
      let ack: Ack;
      try {
        ack = await this.options.send(op);
      } catch (error) {
        if (error instanceof ApiProblem && (error.outcomeUnknown || error.status === 429)) {
          // Not known to be stored, or (429) not taken yet because too much came at once: keep it (same key) and
          // try again later. Dropped, it would be lost although the server never said no to it.
          this.stalled.value = error.status !== 429; // a 429 came from the server: the connection is there
          this.retrying = true;
          this.options.changed?.();
          this.timer = window.setTimeout(() => void this.flush(), retryDelay(this.attempt++));
          return;
        }
        this.remove(op);
        this.options.refused(op, error);
        this.options.changed?.();
        continue;
      }
      this.remove(op);
      this.attempt = 0;
      this.stalled.value = false;
      this.options.acked(op, ack);
      this.options.changed?.();
    }
  }

  private remove(op: Op): void {
    this.ops = this.ops.filter((o) => o !== op);
    this.save();
  }

  private async load(): Promise<void> {
    const { key, legacyKey } = this.options;
    let kept: Op[] = [];
    try {
      kept = (await this.store.get<Op[]>(key)) ?? [];
    } catch {
      // No storage at all: the writes live as long as the page.
    }
    const legacy = legacyKey ? readLegacy<Op[]>(legacyKey) ?? [] : [];
    const addedMeanwhile = this.ops;
    this.ops = [...legacy, ...kept, ...addedMeanwhile];
    this.loaded = true;
    if (legacy.length > 0 || addedMeanwhile.length > 0) this.save();
    else this.pending.value = this.ops.length;
    if (legacyKey) {
      await this.saving;
      dropLegacy(legacyKey);
    }
    this.options.changed?.();
  }

  private save(): void {
    this.pending.value = this.loaded ? this.ops.length : 0;
    if (!this.loaded) return; // written once loaded, together with what was already kept
    const snapshot = [...this.ops];
    this.saving = this.saving
      .then(() => (snapshot.length > 0 ? this.store.set(this.options.key, snapshot) : this.store.delete(this.options.key)))
      .catch(() => undefined);
  }
}
