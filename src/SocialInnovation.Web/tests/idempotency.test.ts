import { beforeEach, describe, expect, it } from 'vitest';
import { ApiProblem } from '../src/api/http';
import { IdempotentSubmission, pendingKeyStore } from '../src/api/idempotency';
import { memoryStore, type PendingKeyStore } from '../src/api/pendingKeys';

let device: PendingKeyStore;
beforeEach(() => {
  device = memoryStore();
  pendingKeyStore(device);
});

const networkDown = () => Promise.reject(new ApiProblem(0, 'network', null));
const refused = () => Promise.reject(new ApiProblem(409, 'phase.stale', 'stale'));

describe('IdempotentSubmission', () => {
  it('retries after a failure whose outcome is unknown with the same key', async () => {
    const keys: string[] = [];
    const submission = new IdempotentSubmission();
    await expect(submission.run((k) => (keys.push(k), networkDown()))).rejects.toBeInstanceOf(ApiProblem);
    await submission.run(async (k) => void keys.push(k));
    expect(keys[1]).toBe(keys[0]);
  });

  it('takes a fresh key once the server has answered, success or refusal', async () => {
    const keys: string[] = [];
    const submission = new IdempotentSubmission();
    await submission.run(async (k) => void keys.push(k));
    await expect(submission.run((k) => (keys.push(k), refused()))).rejects.toBeInstanceOf(ApiProblem);
    await submission.run(async (k) => void keys.push(k));
    expect(new Set(keys).size).toBe(3);
  });

  it('treats a 5xx as unknown outcome and keeps the key', async () => {
    const keys: string[] = [];
    const submission = new IdempotentSubmission();
    await expect(submission.run((k) => (keys.push(k), Promise.reject(new ApiProblem(503, null, null))))).rejects.toThrow();
    await submission.run(async (k) => void keys.push(k));
    expect(keys[1]).toBe(keys[0]);
  });

  it('after a reload, sending the same values again reuses the key kept on the device', async () => {
    const keys: string[] = [];
    const values = { token: 't', name: 'Zarina' };
    await expect(new IdempotentSubmission('join').run((k) => (keys.push(k), networkDown()), values)).rejects.toThrow();
    // A new page: a new submission object, the same device store.
    await new IdempotentSubmission('join').run(async (k) => void keys.push(k), values);
    expect(keys[1]).toBe(keys[0]);
    expect(await device.get('join')).toBeUndefined();
  });

  it('after a reload, different values are a new write with a new key', async () => {
    const keys: string[] = [];
    await expect(new IdempotentSubmission('join').run((k) => (keys.push(k), networkDown()), { name: 'A' })).rejects.toThrow();
    await new IdempotentSubmission('join').run(async (k) => void keys.push(k), { name: 'B' });
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('keeps no copy of the values on the device, only a fingerprint', async () => {
    await expect(new IdempotentSubmission('join').run(networkDown, { name: 'Secret Name' })).rejects.toThrow();
    expect(JSON.stringify(await device.get('join'))).not.toContain('Secret');
  });
});
