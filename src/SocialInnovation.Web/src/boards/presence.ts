import { signal, type Signal } from '@preact/signals';
import { post } from '../api/http';
import { watchStream } from '../live/streamStore';
import { streamName } from '../live/streams';
import type { Schema } from '../api/types';

export type Watcher = Schema<'Watcher'>;

const heartbeat = 15_000;

/**
 * Who else is on the board and what they drag: this page reports itself every 15 s (and at once when a
 * drag starts or ends) and watches the board's presence stream. Nothing of it is stored.
 */
export class BoardPresence {
  readonly watchers: Signal<Watcher[]> = signal([]);
  private dragging: string | null = null;
  private readonly timer: number;
  private readonly stopStream: () => void;
  // A closed tab says goodbye if it can (keepalive outlives the page); if it cannot, the server forgets it
  // once its reports stop (BoardPresenceGrain.Expiry).
  private readonly goodbye = () => void fetch(this.url, {
    method: 'POST', keepalive: true, credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ dragging: null, leaving: true }),
  }).catch(() => undefined);

  constructor(private readonly campId: string, private readonly teamId: string) {
    const store = watchStream<Watcher[]>(streamName('presence', campId, teamId.replace(/-/g, '')), {
      fromSnapshot: (s) => (s as { watchers: Watcher[] }).watchers,
      reduce: (_, event) => (event.payload as { watchers: Watcher[] }).watchers,
      onChange: (list) => (this.watchers.value = list),
      onRefused: () => undefined,
    });
    this.stopStream = () => store.stop();
    this.timer = window.setInterval(() => this.report(false), heartbeat);
    window.addEventListener('pagehide', this.goodbye);
    this.report(false);
  }

  drag(cardId: string | null): void {
    this.dragging = cardId;
    this.report(false);
  }

  stop(): void {
    window.clearInterval(this.timer);
    window.removeEventListener('pagehide', this.goodbye);
    this.stopStream();
    this.report(true);
  }

  private get url(): string {
    return `/api/camps/${encodeURIComponent(this.campId)}/teams/${encodeURIComponent(this.teamId)}/board/presence`;
  }

  private report(leaving: boolean): void {
    // Presence is best effort: a lost report is repaired by the next one.
    post(this.url, { dragging: this.dragging, leaving }).catch(() => undefined);
  }
}
