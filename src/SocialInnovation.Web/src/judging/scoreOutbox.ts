import { signal } from '@preact/signals';
import { ApiProblem } from '../api/http';
import { onConnected } from '../live/connection';
import { sendOp, type JudgeOp, type JudgeSheet } from './judgingApi';

const retryDelay = (attempt: number) => Math.min(15000, 1000 * 2 ** attempt);

/**
 * A judge's scores not yet acknowledged, kept on the device (localStorage, so closing the tab or rebooting
 * the tablet loses nothing) with their idempotency keys, and sent in order whenever there is a connection.
 * An acknowledgement means stored; until then the indicator says "waiting to sync (n)".
 */
export class ScoreOutbox {
  readonly pending = signal(0);
  readonly offline = signal(false);
  private ops: JudgeOp[];
  private sending = false;
  private attempt = 0;
  private timer: number | undefined;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly campId: string,
    private readonly onSheet: (sheet: JudgeSheet) => void,
    private readonly onRefused: (op: JudgeOp, error: ApiProblem) => void,
  ) {
    this.ops = this.load();
    this.pending.value = this.ops.length;
    const wake = () => void this.flush();
    window.addEventListener('online', wake);
    this.cleanups.push(() => window.removeEventListener('online', wake), onConnected(wake));
    void this.flush();
  }

  /** The changes waiting, oldest first (the page shows them on top of the last sheet it has). */
  get waiting(): readonly JudgeOp[] {
    return this.ops;
  }

  add(op: JudgeOp): void {
    this.ops.push(op);
    this.save();
    void this.flush();
  }

  stop(): void {
    window.clearTimeout(this.timer);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    window.clearTimeout(this.timer);
    try {
      while (this.ops.length > 0) {
        const op = this.ops[0];
        try {
          const sheet = await sendOp(this.campId, op);
          this.ops.shift();
          this.save();
          this.attempt = 0;
          this.offline.value = false;
          this.onSheet(sheet);
        } catch (error) {
          if (error instanceof ApiProblem && error.outcomeUnknown) {
            // Not known to be stored: keep it (same key) and try again later.
            this.offline.value = true;
            this.timer = window.setTimeout(() => void this.flush(), retryDelay(this.attempt++));
            return;
          }
          this.ops.shift();
          this.save();
          this.onRefused(op, error instanceof ApiProblem ? error : new ApiProblem(0, null, String(error)));
        }
      }
    } finally {
      this.sending = false;
    }
  }

  private get storageKey(): string {
    return `judge-outbox:${this.campId}`;
  }

  private load(): JudgeOp[] {
    try {
      return JSON.parse(localStorage.getItem(this.storageKey) ?? '[]') as JudgeOp[];
    } catch {
      return [];
    }
  }

  private save(): void {
    localStorage.setItem(this.storageKey, JSON.stringify(this.ops));
    this.pending.value = this.ops.length;
  }
}

/** The last sheet the server sent, kept so that a reload without a connection still shows the judge's work. */
export const lastSheet = {
  read: (campId: string): JudgeSheet | null => {
    try {
      return JSON.parse(localStorage.getItem(`judge-sheet:${campId}`) ?? 'null') as JudgeSheet | null;
    } catch {
      return null;
    }
  },
  write: (campId: string, sheet: JudgeSheet) => localStorage.setItem(`judge-sheet:${campId}`, JSON.stringify(sheet)),
};
