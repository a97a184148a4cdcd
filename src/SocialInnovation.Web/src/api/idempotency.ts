import { ApiProblem } from './http';
import { indexedDbStore, memoryStore, type PendingKeyStore } from './pendingKeys';

let store: PendingKeyStore | null = null;
/** The device's store of pending keys (tests pass their own). */
export function pendingKeyStore(replacement?: PendingKeyStore): PendingKeyStore {
  if (replacement) store = replacement;
  return (store ??= typeof indexedDB === 'undefined' ? memoryStore() : indexedDbStore());
}

/**
 * One key per form submission. The key survives a failure whose outcome is unknown (network error,
 * 5xx), so pressing the button again is a retry the server applies at most once; once the server has
 * answered, the next submission gets a fresh key.
 *
 * With a scope, the pending key is also kept on the device until the server answers: after a reload,
 * sending the same values again (same fingerprint) reuses it. Different values are a new write.
 */
export class IdempotentSubmission {
  private pending: string | null = null;

  constructor(private readonly scope: string | null = null) {}

  async run<T>(send: (idempotencyKey: string) => Promise<T>, values?: unknown): Promise<T> {
    const fingerprint = fingerprintOf(values);
    this.pending ??= (await this.stored(fingerprint)) ?? newKey();
    const key = this.pending;
    await this.remember({ key, fingerprint });
    try {
      const result = await send(key);
      await this.settle();
      return result;
    } catch (error) {
      if (!(error instanceof ApiProblem && error.outcomeUnknown)) await this.settle();
      throw error;
    }
  }

  private async stored(fingerprint: string): Promise<string | null> {
    if (!this.scope) return null;
    const found = await pendingKeyStore().get(this.scope).catch(() => undefined);
    return found?.fingerprint === fingerprint ? found.key : null;
  }

  private async remember(pending: { key: string; fingerprint: string }): Promise<void> {
    if (this.scope) await pendingKeyStore().set(this.scope, pending).catch(() => undefined);
  }

  private async settle(): Promise<void> {
    this.pending = null;
    if (this.scope) await pendingKeyStore().delete(this.scope).catch(() => undefined);
  }
}

/** A short hash of the values sent, so the device keeps no copy of what was typed. */
export function fingerprintOf(values: unknown): string {
  const text = JSON.stringify(values ?? null);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16);
}

/** crypto.randomUUID exists only in secure contexts; a camp's LAN may serve plain http. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
