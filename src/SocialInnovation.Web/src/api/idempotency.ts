import { ApiProblem } from './http';

/**
 * One key per form submission. The key survives a failure whose outcome is unknown (network error,
 * 5xx), so pressing the button again is a retry the server applies at most once; once the server has
 * answered, the next submission gets a fresh key.
 */
export class IdempotentSubmission {
  private pending: string | null = null;

  async run<T>(send: (idempotencyKey: string) => Promise<T>): Promise<T> {
    this.pending ??= newKey();
    try {
      const result = await send(this.pending);
      this.pending = null;
      return result;
    } catch (error) {
      if (!(error instanceof ApiProblem && error.outcomeUnknown)) this.pending = null;
      throw error;
    }
  }
}

/** crypto.randomUUID exists only in secure contexts; a camp's LAN may serve plain http. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
