import { language } from '../i18n';

/** An RFC 7807 problem from the server, or a stand-in for a network failure (status 0). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    readonly detail: string | null,
    readonly errors: Record<string, string[]> = {},
  ) {
    super(detail ?? code ?? `HTTP ${status}`);
  }

  /** True when the request may or may not have reached the server, so a retry must reuse its idempotency key. */
  get outcomeUnknown(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

interface ProblemBody { detail?: string; title?: string; code?: string; errors?: Record<string, string[]> }

export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      // The server answers field errors in the language the app shows.
      headers: body === undefined
        ? { Accept: 'application/json', 'Accept-Language': language }
        : { Accept: 'application/json', 'Accept-Language': language, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(0, 'network', null);
  }
  if (response.ok) return answerOf<T>(response);
  const problem = await readProblem(response);
  throw new ApiProblem(response.status, problem.code ?? null, problem.detail ?? problem.title ?? null, problem.errors ?? {});
}

/**
 * The JSON of a successful answer. A 2xx that is not JSON did not come from this server: a captive portal (the
 * venue Wi-Fi's sign-in page) answers every request with its own HTML page. As far as the page can tell the
 * request never reached the server, so it counts as no connection: an outbox keeps the write and sends it again
 * with the same key, rather than dropping it as refused.
 */
export async function answerOf<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiProblem(0, 'network', null);
  }
}

async function readProblem(response: Response): Promise<ProblemBody> {
  try {
    return (await response.json()) as ProblemBody;
  } catch {
    return {};
  }
}

export const get = <T>(url: string) => request<T>('GET', url);
export const post = <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {});
export const del = <T>(url: string) => request<T>('DELETE', url);
