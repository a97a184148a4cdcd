// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../src/api/http';
import { DeviceOutbox, type DeviceOutboxOptions } from '../src/offline/deviceOutbox';
import { indexedDbDevice } from '../src/offline/deviceStore';

type Op = { key: string };

/** A server that is unreachable until told otherwise, and remembers which keys it stored (a resend applies once). */
function server() {
  const stored: string[] = [];
  return {
    up: false,
    stored,
    send(op: Op): Promise<number> {
      if (!this.up) return Promise.reject(new ApiProblem(0, 'network', null));
      if (op.key === 'refused') return Promise.reject(new ApiProblem(409, 'judging.locked', 'locked'));
      if (!stored.includes(op.key)) stored.push(op.key);
      return Promise.resolve(stored.length);
    },
  };
}

function outbox(key: string, s: ReturnType<typeof server>, extra: Partial<DeviceOutboxOptions<Op, number>> = {}) {
  const acked: string[] = [];
  const refused: string[] = [];
  const box = new DeviceOutbox<Op, number>({
    key, store: indexedDbDevice(), send: (op) => s.send(op),
    acked: (op) => acked.push(op.key), refused: (op) => refused.push(op.key), ...extra,
  });
  return { box, acked, refused };
}

describe('DeviceOutbox', () => {
  it('keeps writes made offline on the device, where a reloaded page finds them and sends each once, in order', async () => {
    const s = server();
    const first = outbox('judge/outbox/a', s);
    await first.box.ready;
    first.box.add({ key: 'k1' });
    first.box.add({ key: 'k2' });
    await first.box.flush();
    await first.box.saved();
    first.box.stop();
    expect(first.box.pending.value).toBe(2);
    expect(first.box.stalled.value).toBe(true);

    // The tab is closed and opened again; the connection is back.
    s.up = true;
    const again = outbox('judge/outbox/a', s);
    await again.box.ready;
    await again.box.flush();
    await again.box.saved();
    again.box.stop();

    expect(s.stored).toEqual(['k1', 'k2']);
    expect(again.acked).toEqual(['k1', 'k2']);
    expect(again.box.pending.value).toBe(0);
    const third = outbox('judge/outbox/a', s);
    await third.box.ready;
    third.box.stop();
    expect(third.box.waiting).toEqual([]);
  });

  it('moves what an older version kept in localStorage into IndexedDB and sends it', async () => {
    localStorage.setItem('judge-outbox:b', JSON.stringify([{ key: 'old' }]));
    const s = server();
    const moved = outbox('judge/outbox/b', s, { legacyKey: 'judge-outbox:b' });
    await moved.box.ready;
    moved.box.stop();

    expect(moved.box.waiting).toEqual([{ key: 'old' }]);
    expect(localStorage.getItem('judge-outbox:b')).toBeNull();
    expect(await indexedDbDevice().get('judge/outbox/b')).toEqual([{ key: 'old' }]);
  });

  it('drops a write the server refuses for good and reports it, and goes on with the next', async () => {
    const s = server();
    s.up = true;
    const box = outbox('judge/outbox/c', s);
    await box.box.ready;
    box.box.add({ key: 'refused' });
    box.box.add({ key: 'k3' });
    await box.box.flush();
    box.box.stop();

    expect(box.refused).toEqual(['refused']);
    expect(box.acked).toEqual(['k3']);
    expect(box.box.pending.value).toBe(0);
  });
});
