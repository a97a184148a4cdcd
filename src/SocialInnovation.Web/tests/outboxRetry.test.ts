// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../src/api/http';
import { BoardOutbox, type BoardOp } from '../src/boards/outbox';
import { describe as describeError } from '../src/ui/describe';
import { t } from '../src/i18n';

type Answer = { ok: boolean; status: number; json: () => Promise<unknown> };
const json = (status: number, body: unknown): Answer => ({ ok: status < 300, status, json: async () => body });
/** A venue Wi-Fi's sign-in page: 200, HTML. */
const portal: Answer = { ok: true, status: 200, json: async () => JSON.parse('<!doctype html><title>Sign in to Wi-Fi</title>') };
const stored = json(200, { epoch: 1, seq: 11, card: null, warning: null });

/** The server behind fetch answers each request with the next scripted answer, and records the keys sent. */
function server(answers: Answer[]) {
  const sent: string[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: { body: string }) => {
    sent.push((JSON.parse(init.body) as { idempotencyKey: string }).idempotencyKey);
    return answers.shift() ?? stored;
  });
  return sent;
}

const move = (key: string): BoardOp => ({ kind: 'move', cardId: 'x', body: { cardId: 'x', basedOn: 3, lane: 'doing', index: 0, idempotencyKey: key } });

async function outbox(name: string) {
  const refused: unknown[] = [];
  const box = new BoardOutbox(name, 'team', {
    changed: () => undefined, conflict: () => undefined, refused: (_, error) => refused.push(error), warned: () => undefined,
  });
  await box.ready;
  return { box, refused };
}

afterEach(() => vi.unstubAllGlobals());

describe('the board outbox, when the answer is not a yes or a no from the server', () => {
  it('keeps a change answered 429 or by a captive portal, and sends it again with the same key', async () => {
    const sent = server([json(429, { code: 'rate.limited', detail: 'Too many' }), portal]);
    const { box, refused } = await outbox('camp-retry');

    box.add(move('k1'));
    await box.flush();
    expect(box.pending).toBe(1);
    expect(box.stalled).toBe(false); // the server answered: the connection is there

    await box.flush(); // the retry, as the timer would: the portal's page this time
    expect(box.pending).toBe(1);
    expect(box.stalled).toBe(true);

    await box.flush();
    box.stop();
    expect(sent).toEqual(['k1', 'k1', 'k1']);
    expect(box.pending).toBe(0);
    expect(refused).toEqual([]);
  });

  it('drops a change answered 401 and says why, in words', async () => {
    server([json(401, { code: 'access.signed-out', detail: 'Sign in first.' }), json(403, {})]);
    const { box, refused } = await outbox('camp-signed-out');

    box.add(move('k1'));
    box.add(move('k2'));
    await box.flush();
    box.stop();

    expect(box.pending).toBe(0);
    expect(refused.map((e) => (e as ApiProblem).status)).toEqual([401, 403]);
    expect(describeError(refused[0])).toBe(t('error.access.signed-out'));
    // A 403 without a code of ours (from something in between) still gives a sentence, not an empty reason.
    expect(describeError(refused[1])).toBe(t('error.unexpected', { status: 403 }));
  });
});
