/**
 * Where the idempotency keys of writes whose outcome is unknown are kept on the device (IndexedDB), so
 * that a retry after a reload reuses the key instead of becoming a second write.
 */
export interface PendingKey { key: string; fingerprint: string }

export interface PendingKeyStore {
  get(scope: string): Promise<PendingKey | undefined>;
  set(scope: string, pending: PendingKey): Promise<void>;
  delete(scope: string): Promise<void>;
}

const dbName = 'socialinnovation';
const storeName = 'pending-writes';

/** The browser's store; idb is loaded on the first write, not with the page. */
export function indexedDbStore(): PendingKeyStore {
  let db: Promise<import('idb').IDBPDatabase> | null = null;
  const open = () => (db ??= import('idb').then(({ openDB }) =>
    openDB(dbName, 1, { upgrade: (d) => d.createObjectStore(storeName) })));
  return {
    get: async (scope) => (await open()).get(storeName, scope) as Promise<PendingKey | undefined>,
    set: async (scope, pending) => void (await (await open()).put(storeName, pending, scope)),
    delete: async (scope) => (await open()).delete(storeName, scope),
  };
}

/** Used where IndexedDB is missing or refused (private mode in some browsers): keys live as long as the page. */
export function memoryStore(): PendingKeyStore {
  const keys = new Map<string, PendingKey>();
  return {
    get: async (scope) => keys.get(scope),
    set: async (scope, pending) => void keys.set(scope, pending),
    delete: async (scope) => void keys.delete(scope),
  };
}
