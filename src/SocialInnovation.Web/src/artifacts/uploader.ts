import { ApiProblem } from '../api/http';
import { newKey } from '../mentors/mentorsApi';
import { beginUpload, blockUrl, completeUpload, uploadProgress, type ArtifactKind, type ArtifactVersion, type UploadTicket } from './artifactsApi';

export interface UploadState { sent: number; total: number; retrying: boolean }

const attempts = 12;
const delay = (attempt: number) => Math.min(15000, 500 * 2 ** attempt);
const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/** Waits until the browser thinks it is online again (weak Wi-Fi drops out for a while). */
const online = () => (navigator.onLine ? Promise.resolve() : new Promise<void>((resolve) => window.addEventListener('online', () => resolve(), { once: true })));

/** The same file (name, size, last change) picks up its upload after a reload instead of starting again. */
const resumeKey = (campId: string, teamId: string, file: File, kind: ArtifactKind) =>
  `upload:${campId}:${teamId}:${kind}:${file.name}:${file.size}:${file.lastModified}`;

/** Network failures and server hiccups are retried; a refusal (type, size, access) is not. */
const retryable = (e: unknown) => !(e instanceof ApiProblem) || e.outcomeUnknown || e.status === 429;

async function withRetry<T>(work: () => Promise<T>, report: (retrying: boolean) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await work();
      report(false);
      return result;
    } catch (e) {
      if (!retryable(e) || attempt >= attempts) throw e;
      report(true);
      await online();
      await sleep(delay(attempt));
    }
  }
}

/** One block over XHR, for its upload progress (fetch has none for request bodies). */
function sendBlock(url: string, body: Blob, onBytes: (loaded: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onBytes(e.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let code: string | null = null;
      let detail: string | null = null;
      try {
        ({ code = null, detail = null } = JSON.parse(xhr.responseText) as { code?: string; detail?: string });
      } catch { /* not a problem document */ }
      reject(new ApiProblem(xhr.status, code, detail));
    };
    xhr.onerror = () => reject(new ApiProblem(0, 'network', null));
    xhr.ontimeout = xhr.onerror;
    xhr.send(body);
  });
}

/**
 * Uploads a file in the server's 4 MB blocks: each block is retried with backoff (and after the browser
 * is back online); before sending, the blocks the server already has are asked for and skipped, so an
 * upload interrupted by weak Wi-Fi — or a reload — resumes where it stopped.
 */
export async function uploadFile(campId: string, teamId: string, kind: ArtifactKind, file: File, progress: (state: UploadState) => void): Promise<ArtifactVersion> {
  const storeKey = resumeKey(campId, teamId, file, kind);
  const stored = localStorage.getItem(storeKey);
  let retrying = false;
  let done = 0;
  const report = (inFlight = 0) => progress({ sent: Math.min(file.size, done + inFlight), total: file.size, retrying });
  const flag = (r: boolean) => {
    retrying = r;
    report();
  };

  const beginKey = stored ?? newKey();
  localStorage.setItem(storeKey, beginKey);
  const ticket: UploadTicket = await withRetry(() => beginUpload(campId, teamId, kind, file.name, file.size, beginKey), flag);
  const sendMissing = async () => {
    const have = new Set((await withRetry(() => uploadProgress(campId, teamId, ticket.uploadId), flag)).stagedBlocks);
    const sizeOf = (i: number) => Math.min(ticket.blockBytes, file.size - i * ticket.blockBytes);
    done = [...have].reduce((sum, i) => sum + sizeOf(i), 0);
    report();
    for (let i = 0; i < ticket.blocks; i++) {
      if (have.has(i)) continue;
      const body = file.slice(i * ticket.blockBytes, i * ticket.blockBytes + sizeOf(i));
      await withRetry(() => sendBlock(blockUrl(campId, teamId, ticket.uploadId, i), body, (loaded) => report(loaded)), flag);
      done += sizeOf(i);
      report();
    }
  };
  await sendMissing();
  const completeKey = newKey();
  for (let round = 0; ; round++) {
    try {
      const version = await withRetry(() => completeUpload(campId, teamId, ticket.uploadId, ticket.blocks, completeKey), flag);
      localStorage.removeItem(storeKey);
      return version;
    } catch (e) {
      // A block the server lost or never got: send what is missing and complete again.
      if (e instanceof ApiProblem && e.code === 'artifact.incomplete' && round < 3) {
        await sendMissing();
        continue;
      }
      if (e instanceof ApiProblem && !e.outcomeUnknown) localStorage.removeItem(storeKey);
      throw e;
    }
  }
}
