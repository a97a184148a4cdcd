import { DeviceOutbox } from '../offline/deviceOutbox';
import { backlog, type BoardAck, type BoardCard, type BoardView } from './boardTypes';
import { cardOf, place, whereIs } from './boardState';
import { sendCard, StaleCard, type CardCommand } from './boardApi';

/**
 * A write the person made, as sent to the server; the key makes a resend apply once. A move or edit made while
 * an earlier write on its card still waited is based on the version that write is expected to give; `after`
 * names that write (its idempotency key), set by the outbox when it is added.
 */
export type BoardOp =
  | { kind: 'create'; cardId: string; body: { cardId: string; title: string; description: string | null; lane: string; points: number | null; labels: string[] | null; assignees: string[] | null; idempotencyKey: string } }
  | { kind: 'move'; cardId: string; body: { cardId: string; basedOn: number; lane: string; index: number; idempotencyKey: string }; after?: string }
  | { kind: 'edit'; cardId: string; body: { cardId: string; basedOn: number; title: string; description: string | null; points: number | null; labels: string[] | null; assignees: string[] | null; checklist: { text: string; done: boolean }[] | null; idempotencyKey: string };
      /** The card's fields as the person saw them before editing: a reapply after a conflict sends only what they changed. */
      before?: { title: string; description: string | null; points: number | null; labels: string[] | null; assignees: string[] | null; checklist: { text: string; done: boolean }[] | null };
      after?: string }
  | { kind: 'comment'; cardId: string; body: { cardId: string; text: string; idempotencyKey: string }; byName: string };

interface Entry { op: BoardOp; acked: { epoch: number; seq: number } | null }

/** A write that did not go through: refused as stale, or held back (never sent) because the write it was made on top of was refused. */
export interface Conflict { op: BoardOp; current: BoardCard | null; heldBack?: boolean }

export interface OutboxEvents {
  changed(): void;
  conflict(conflict: Conflict): void;
  /** Refused for good (not stale): the error says why (a 401 or 403 too: the person must be told, not left guessing). */
  refused(op: BoardOp, error: unknown): void;
  warned(op: BoardOp, code: string): void;
}

const commands: Record<BoardOp['kind'], CardCommand> = { create: 'cards', move: 'cards/move', edit: 'cards/edit', comment: 'cards/comments' };

/**
 * The board's writes not yet confirmed. Those the server has not acknowledged wait in the device outbox
 * (IndexedDB, shared with the judge's page): made offline, they are sent in order when the connection is
 * back, each with its idempotency key and the card version it was based on. Until the board's stream shows
 * them they are drawn on top of the board as it was confirmed (optimistic), so a move moves at once; the
 * confirmed order then wins.
 */
export class BoardOutbox {
  private readonly device: DeviceOutbox<BoardOp, BoardAck>;
  /** Acknowledged, but their events have not reached this page yet. */
  private acked: Entry[] = [];
  /** The board as last confirmed: tells a write based on a confirmed version from one based on a guess. */
  private confirmed: BoardView | null = null;

  constructor(campId: string, teamId: string, events: OutboxEvents) {
    this.device = new DeviceOutbox<BoardOp, BoardAck>({
      key: `board/outbox/${campId}/${teamId}`,
      legacyKey: `board-outbox:${campId}:${teamId}`,
      send: (op) => sendCard(campId, teamId, commands[op.kind], op.body),
      acked: (op, ack) => {
        this.acked.push({ op, acked: { epoch: ack.epoch, seq: ack.seq } });
        if (ack.warning) events.warned(op, ack.warning);
      },
      refused: (op, error) => {
        const current = error instanceof StaleCard ? error.current : null;
        if (error instanceof StaleCard) events.conflict({ op, current });
        else events.refused(op, error);
        this.holdBack(op, current, events);
      },
      changed: () => events.changed(),
    });
  }

  get pending(): number {
    return this.device.pending.value;
  }

  /** Resolves once what an earlier visit left on the device is loaded. */
  get ready(): Promise<void> {
    return this.device.ready;
  }

  /** True while the last send failed for want of a connection. */
  get stalled(): boolean {
    return this.device.stalled.value;
  }

  add(op: BoardOp): void {
    this.device.add(op.kind === 'move' || op.kind === 'edit' ? { ...op, after: this.madeOnTopOf(op) } : op);
  }

  /**
   * The waiting write whose expected version this move or edit was based on, if any. Versions are counters, so
   * that guess can equal a version someone else's change produced; were the waiting write refused, this one
   * would then be accepted and overwrite their change.
   */
  private madeOnTopOf(op: Extract<BoardOp, { kind: 'move' | 'edit' }>): string | undefined {
    const confirmedCard = this.confirmed && cardOf(this.confirmed, op.cardId);
    if (confirmedCard && confirmedCard.version >= op.body.basedOn) return undefined; // a version the server showed
    const waiting = [...this.device.waiting].reverse().find((w) => w.cardId === op.cardId && expectedVersion(w) === op.body.basedOn);
    return waiting?.body.idempotencyKey; // none: based on an acknowledged write, whose version is the server's
  }

  /**
   * A write was refused: the later ones on its card made on top of it (directly or through another) are taken
   * out unsent and shown as conflicts, with the card as it now is, so the person can apply them again.
   */
  private holdBack(refused: BoardOp, current: BoardCard | null, events: OutboxEvents): void {
    const keys = new Set([refused.body.idempotencyKey]);
    const held = this.device.waiting.filter((op) => {
      if (op.kind !== 'move' && op.kind !== 'edit' || !op.after || !keys.has(op.after)) return false;
      keys.add(op.body.idempotencyKey);
      return true;
    });
    this.device.withdraw(held);
    const card = current ?? (this.confirmed && cardOf(this.confirmed, refused.cardId)) ?? null;
    for (const op of held) events.conflict({ op, current: card, heldBack: true });
  }

  /** The confirmed board with every write not yet seen in it applied on top. */
  view(confirmed: BoardView, position: { epoch: number; seq: number } | null): BoardView {
    this.confirmed = confirmed;
    // Writes the confirmed board already holds are dropped: their events have arrived.
    this.acked = this.acked.filter((e) => !(e.acked && position && (position.epoch > e.acked.epoch || position.epoch === e.acked.epoch && position.seq >= e.acked.seq)));
    const entries: Entry[] = [...this.acked, ...this.device.waiting.map((op) => ({ op, acked: null }))];
    return entries.reduce((view, entry) => apply(view, entry, cardOf(confirmed, entry.op.cardId)), confirmed);
  }

  stop(): void {
    this.device.stop();
  }

  flush(): Promise<void> {
    return this.device.flush();
  }
}

/** The card version a waiting write is expected to give when the server takes it (a comment leaves it alone). */
function expectedVersion(op: BoardOp): number | null {
  if (op.kind === 'create') return 1;
  return op.kind === 'comment' ? null : op.body.basedOn + 1;
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
