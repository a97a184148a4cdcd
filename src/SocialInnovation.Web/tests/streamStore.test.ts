// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubReply, StreamCatchUp, StreamEnvelope, StreamPosition } from '../src/api/types';

// The hub connection, replaced: each Watch waits for the test to answer it, and the test pushes
// StreamEvents and reconnections by hand.
const hub = vi.hoisted(() => ({
  calls: [] as { method: string; args: unknown[]; answer: (reply: unknown) => void; fail: () => void }[],
  streams: new Map<string, (events: unknown[]) => void>(),
  connected: new Set<() => void>(),
}));

vi.mock('../src/live/connection', () => ({
  invoke: (method: string, ...args: unknown[]) =>
    new Promise((resolve, reject) => hub.calls.push({ method, args, answer: resolve, fail: () => reject(new Error('down')) })),
  isConnected: () => true,
  onConnected: (listener: () => void) => {
    hub.connected.add(listener);
    return () => hub.connected.delete(listener);
  },
  onStreamEvents: (name: string, listener: (events: unknown[]) => void) => {
    hub.streams.set(name, listener);
    return () => hub.streams.delete(name);
  },
  useLive: () => () => undefined,
}));

const { watchStream } = await import('../src/live/streamStore');

const name = 'poll:c:p';
const event = (epoch: number, seq: number): StreamEnvelope =>
  ({ stream: name, epoch, seq, at: '2026-11-25T10:00:00Z', kind: 'Voted', payload: { seq } });
const caughtUp = (epoch: number, seq: number, events: StreamEnvelope[], snapshot: number[] | null = null): HubReply<StreamCatchUp> =>
  ({ ok: true, value: { stream: name, epoch, seq, events, snapshot }, error: null });
const refusal = (code: string, retryable: boolean): HubReply<StreamCatchUp> =>
  ({ ok: false, value: null, error: { kind: retryable ? 'Unavailable' : 'Forbidden', code, detail: code, errors: null, retryable } });

/** A store whose state is the list of seqs it applied; a snapshot is such a list. */
function watch(initial?: { state: number[]; position: StreamPosition }) {
  const changes: (number | null)[] = [];
  const refused: string[] = [];
  const store = watchStream<number[]>(name, {
    fromSnapshot: (snapshot) => [...(snapshot as number[])],
    reduce: (state, e) => [...state, e.seq],
    onChange: (_, e) => changes.push(e?.seq ?? null),
    onRefused: (code) => refused.push(code),
    initial,
  });
  return { store, changes, refused };
}

const push = (...events: StreamEnvelope[]) => hub.streams.get(name)!(events);
const watches = () => hub.calls.filter((c) => c.method === 'Watch');
/** Answers the latest Watch and lets the store finish with it. */
async function answer(reply: HubReply<StreamCatchUp>) {
  const call = watches().at(-1)!;
  call.answer(reply);
  await vi.waitFor(() => undefined);
  await Promise.resolve();
}

beforeEach(() => {
  hub.calls.length = 0;
  hub.streams.clear();
  hub.connected.clear();
});
afterEach(() => vi.useRealTimers());

describe('a live stream store', () => {
  it('starts from the snapshot, applies the next events and drops the ones it already has', async () => {
    const { store, changes } = watch();
    expect(watches()[0].args).toEqual([name, null]);
    await answer(caughtUp(1, 2, [], [1, 2]));

    push(event(1, 3), event(1, 4));
    push(event(1, 4), event(1, 2), event(1, 3));

    expect(store.current).toEqual([1, 2, 3, 4]);
    expect(store.position).toEqual({ epoch: 1, seq: 4 });
    expect(changes).toEqual([null, 3, 4]);
    expect(watches()).toHaveLength(1);
  });

  it('asks from its position again on a gap, then applies what it missed and what came meanwhile, once each', async () => {
    const { store } = watch({ state: [1], position: { epoch: 1, seq: 1 } });
    await answer(caughtUp(1, 1, []));

    push(event(1, 4));
    expect(watches()).toHaveLength(2);
    expect(watches()[1].args).toEqual([name, { epoch: 1, seq: 1 }]);
    push(event(1, 5), event(1, 3));
    await answer(caughtUp(1, 3, [event(1, 2), event(1, 3)]));

    expect(store.current).toEqual([1, 2, 3, 4, 5]);
    expect(store.position).toEqual({ epoch: 1, seq: 5 });
  });

  it('takes the snapshot of a new epoch and drops the old epoch\'s events still on their way', async () => {
    const { store, changes } = watch({ state: [1, 2], position: { epoch: 1, seq: 2 } });
    await answer(caughtUp(1, 2, []));

    push(event(2, 1));
    expect(watches()[1].args).toEqual([name, { epoch: 1, seq: 2 }]);
    push(event(1, 3));
    await answer(caughtUp(2, 1, [], [7]));
    push(event(2, 2));

    expect(store.current).toEqual([7, 2]);
    expect(store.position).toEqual({ epoch: 2, seq: 2 });
    expect(changes.at(-2)).toBeNull();
  });

  it('asks again when a reset or a newer epoch arrives while it catches up, since the answer may be older', async () => {
    const { store } = watch({ state: [1], position: { epoch: 1, seq: 1 } });
    await answer(caughtUp(1, 1, []));

    push(event(1, 3));
    expect(watches()).toHaveLength(2);
    push({ ...event(0, 0), kind: 'StreamReset' }); // a write failed while the catch-up was on its way
    await answer(caughtUp(1, 3, [event(1, 2), event(1, 3)]));

    expect(watches()).toHaveLength(3);
    expect(watches()[2].args).toEqual([name, { epoch: 1, seq: 3 }]);
    await answer(caughtUp(2, 2, [], [1, 2]));
    expect(store.current).toEqual([1, 2]);
    expect(store.position).toEqual({ epoch: 2, seq: 2 });
  });

  it('watches again from its position after a reconnection (groups belong to a connection)', async () => {
    const { store } = watch();
    await answer(caughtUp(1, 1, [], [1]));

    for (const listener of hub.connected) listener();
    expect(watches().at(-1)!.args).toEqual([name, { epoch: 1, seq: 1 }]);
    await answer(caughtUp(1, 3, [event(1, 2), event(1, 3)]));

    expect(store.current).toEqual([1, 2, 3]);
  });

  it('retries a failed or retryable Watch with backoff until it succeeds', async () => {
    vi.useFakeTimers();
    const { store, refused } = watch();
    await answer(refusal('live.rate', true));
    expect(watches()).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(20_000);
    expect(watches()).toHaveLength(2);
    watches()[1].fail();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(watches()).toHaveLength(3);
    await answer(caughtUp(1, 1, [], [1]));

    expect(store.current).toEqual([1]);
    expect(refused).toEqual([]);
  });

  it('stops for good when the server refuses the watch, and tells the page why', async () => {
    vi.useFakeTimers();
    const { store, refused } = watch();
    await answer(refusal('access.forbidden', false));
    await vi.advanceTimersByTimeAsync(60_000);
    push(event(1, 1));

    expect(refused).toEqual(['access.forbidden']);
    expect(watches()).toHaveLength(1);
    expect(store.current).toBeNull();
  });

  it('keeps a newer state when a command answers with an older one, and unwatches when stopped', async () => {
    const { store } = watch();
    await answer(caughtUp(1, 3, [], [1, 2, 3]));

    store.replace([1], { epoch: 1, seq: 1 });
    expect(store.current).toEqual([1, 2, 3]);
    store.replace([1, 2, 3, 4], { epoch: 1, seq: 4 });
    expect(store.position).toEqual({ epoch: 1, seq: 4 });

    store.stop();
    expect(hub.calls.at(-1)).toMatchObject({ method: 'Unwatch', args: [name] });
    expect(hub.streams.has(name)).toBe(false);
  });
});
