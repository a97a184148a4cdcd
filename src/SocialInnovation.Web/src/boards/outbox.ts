import { ApiProblem } from '../api/http';
import { onConnected } from '../live/connection';
import { backlog, type BoardAck, type BoardCard, type BoardView } from './boardTypes';
import { cardOf, place, whereIs } from './boardState';
import { sendCard, StaleCard, type CardCommand } from './boardApi';

/** A write the person made, as sent to the server; the key makes a resend apply once. */
export type BoardOp =
  | { kind: 'create'; cardId: string; body: { cardId: string; title: string; description: string | null; lane: string; points: number | null; labels: string[] | null; assignees: string[] | null; idempotencyKey: string } }
  | { kind: 'move'; cardId: string; body: { cardId: string; basedOn: number; lane: string; index: number; idempotencyKey: string } }
  | { kind: 'edit'; cardId: string; body: { cardId: string; basedOn: number; title: string; description: string | null; points: number | null; labels: string[] | null; assignees: string[] | null; checklist: { text: string; done: boolean }[] | null; idempotencyKey: string } }
  | { kind: 'comment'; cardId: string; body: { cardId: string; text: string; idempotencyKey: string }; byName: string };

interface Entry { op: BoardOp; acked: { epoch: number; seq: number } | null }

export interface Conflict { op: BoardOp; current: BoardCard | null }

export interface OutboxEvents {
  changed(): void;
  conflict(conflict: Conflict): void;
  refused(op: BoardOp, code: string | null, detail: string | null): void;
  warned(op: BoardOp, code: string): void;
}

const commands: Record<BoardOp['kind'], CardCommand> = { create: 'cards', move: 'cards/move', edit: 'cards/edit', comment: 'cards/comments' };
const retryDelay = (attempt: number) => Math.min(15000, 1000 * 2 ** attempt);

/**
 * The board's writes not yet confirmed, kept on the device (localStorage) with their idempotency keys
 * until the server has stored them: made offline, they wait and are sent in order when the connection is
 * back, each with the card version it was based on. Until confirmed they are shown on top of the board
 * as it was confirmed (optimistic), so a move moves at once; the confirmed order then wins.
 */
export class BoardOutbox {
  private entries: Entry[];
  private sending = false;
  private attempt = 0;
  private timer: number | undefined;
  private readonly cleanups: (() => void)[] = [];
  /** True while the last send failed for want of a connection. */
  stalled = false;

  constructor(private readonly campId: string, private readonly teamId: string, private readonly events: OutboxEvents) {
    this.entries = this.load();
    const wake = () => void this.flush();
    window.addEventListener('online', wake);
    this.cleanups.push(() => window.removeEventListener('online', wake), onConnected(wake));
    void this.flush();
  }

  get pending(): number {
    return this.entries.filter((e) => !e.acked).length;
  }

  add(op: BoardOp): void {
    this.entries.push({ op, acked: null });
    this.save();
    this.events.changed();
    void this.flush();
  }

  /** The confirmed board with every write not yet seen in it applied on top. */
  view(confirmed: BoardView, position: { epoch: number; seq: number } | null): BoardView {
    // Writes the confirmed board already holds are dropped: their events have arrived.
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => !(e.acked && position && (position.epoch > e.acked.epoch || position.epoch === e.acked.epoch && position.seq >= e.acked.seq)));
    if (this.entries.length !== before) this.save();
    return this.entries.reduce((view, entry) => apply(view, entry, cardOf(confirmed, entry.op.cardId)), confirmed);
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
      for (let entry = this.next(); entry; entry = this.next()) {
        let ack: BoardAck;
        try {
          ack = await sendCard(this.campId, this.teamId, commands[entry.op.kind], entry.op.body);
        } catch (error) {
          if (error instanceof ApiProblem && error.outcomeUnknown) {
            this.stalled = true;
            this.events.changed();
            this.timer = window.setTimeout(() => void this.flush(), retryDelay(this.attempt++));
            return;
          }
          this.entries = this.entries.filter((e) => e !== entry);
          this.save();
          if (error instanceof StaleCard) this.events.conflict({ op: entry.op, current: error.current });
          else this.events.refused(entry.op, error instanceof ApiProblem ? error.code : null, error instanceof Error ? error.message : null);
          this.events.changed();
          continue;
        }
        entry.acked = { epoch: ack.epoch, seq: ack.seq };
        this.attempt = 0;
        this.stalled = false;
        this.save();
        if (ack.warning) this.events.warned(entry.op, ack.warning);
        this.events.changed();
      }
    } finally {
      this.sending = false;
    }
  }

  private next(): Entry | undefined {
    return this.entries.find((e) => !e.acked);
  }

  private get storageKey(): string {
    return `board-outbox:${this.campId}:${this.teamId}`;
  }

  private load(): Entry[] {
    try {
      const ops = JSON.parse(localStorage.getItem(this.storageKey) ?? '[]') as BoardOp[];
      return ops.map((op) => ({ op, acked: null }));
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      // Only what the server has not acknowledged must survive a reload.
      localStorage.setItem(this.storageKey, JSON.stringify(this.entries.filter((e) => !e.acked).map((e) => e.op)));
    } catch {
      // Private mode without storage: the writes live as long as the page.
    }
  }
}

/** One write applied on top of the board, unless the confirmed board already has it (its card moved past the version it was based on). */
function apply(view: BoardView, entry: Entry, confirmedCard: BoardCard | undefined): BoardView {
  const op = entry.op;
  const card = cardOf(view, op.cardId);
  switch (op.kind) {
    case 'create':
      if (confirmedCard) return view;
      return place(view, {
        cardId: op.cardId, version: 1, title: op.body.title, description: op.body.description ?? '', assignees: op.body.assignees ?? [],
        points: op.body.points, labels: op.body.labels ?? [], checklist: [], comments: [], history: [], sprint: null,
      }, op.body.lane, Number.MAX_SAFE_INTEGER);
    case 'move':
      if (!card || (confirmedCard && confirmedCard.version > op.body.basedOn)) return view;
      return place(view, { ...card, version: op.body.basedOn + 1 }, op.body.lane, op.body.index);
    case 'edit': {
      if (!card || (confirmedCard && confirmedCard.version > op.body.basedOn)) return view;
      const where = whereIs(view, card.cardId) ?? { lane: backlog, index: 0 };
      return place(view, {
        ...card, version: op.body.basedOn + 1, title: op.body.title, description: op.body.description ?? '', points: op.body.points,
        labels: op.body.labels ?? [], assignees: op.body.assignees ?? [], checklist: op.body.checklist ?? [],
      }, where.lane, where.index);
    }
    case 'comment': {
      if (!card || entry.acked) return view;
      const where = whereIs(view, card.cardId) ?? { lane: backlog, index: 0 };
      const comment = { byPersonId: '', byName: op.byName, at: new Date().toISOString(), text: op.body.text };
      return place(view, { ...card, comments: [...card.comments, comment] }, where.lane, where.index);
    }
  }
}
