/**
 * What a page keeps on the device between visits (a judge's unsent scores and last sheet, a board's unsent
 * writes): IndexedDB, which survives closing the tab and rebooting the tablet, holds more than
 * localStorage and does not block the page while it writes. Where IndexedDB is missing or refused
 * (some private modes) localStorage stands in, and failing that the page's memory.
 */
export interface DeviceStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

const dbName = 'socialinnovation-device';
const storeName = 'kept';

/** The browser's store; idb is loaded with the first read, not with the page. */
export function indexedDbDevice(): DeviceStore {
  let db: Promise<import('idb').IDBPDatabase> | null = null;
  const open = () => (db ??= import('idb').then(({ openDB }) => openDB(dbName, 1, { upgrade: (d) => d.createObjectStore(storeName) })));
  return {
    get: async <T>(key: string) => (await (await open()).get(storeName, key)) as T | undefined,
    set: async (key, value) => void (await (await open()).put(storeName, value, key)),
    delete: async (key) => (await open()).delete(storeName, key),
  };
}

export function localStorageDevice(): DeviceStore {
  return {
    get: async <T>(key: string) => {
      const text = localStorage.getItem(key);
      return text === null ? undefined : (JSON.parse(text) as T);
    },
    set: async (key, value) => localStorage.setItem(key, JSON.stringify(value)),
    delete: async (key) => localStorage.removeItem(key),
  };
}

export function memoryDevice(): DeviceStore {
  const kept = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => kept.get(key) as T | undefined,
    set: async (key, value) => void kept.set(key, structuredClone(value)),
    delete: async (key) => void kept.delete(key),
  };
}

/** A store that tries each of the given ones in turn until one works, and then keeps using it. */
export function firstWorking(...stores: (() => DeviceStore)[]): DeviceStore {
  let chosen: DeviceStore | null = null;
  const pick = async <T>(use: (store: DeviceStore) => Promise<T>): Promise<T> => {
    if (chosen) return use(chosen);
    for (const make of stores) {
      try {
        const store = make();
        const result = await use(store);
        chosen = store;
        return result;
      } catch {
        // Refused (no IndexedDB, storage disabled): the next one.
      }
    }
    throw new Error('No storage on this device.');
  };
  return {
    get: (key) => pick((s) => s.get(key)),
    set: (key, value) => pick((s) => s.set(key, value)),
    delete: (key) => pick((s) => s.delete(key)),
  };
}

let shared: DeviceStore | null = null;

/** The one store every page uses. */
export function device(): DeviceStore {
  return (shared ??= firstWorking(
    () => {
      if (typeof indexedDB === 'undefined') throw new Error('No IndexedDB.');
      return indexedDbDevice();
    },
    localStorageDevice,
    memoryDevice,
  ));
}

/**
 * One kind of value a page keeps on the device, under `<name>/<id>` (a judge's last sheet per camp, a team's board):
 * reading or writing never throws, since the page works on without it, only less well offline.
 */
export function keptValue<T>(name: string) {
  const key = (id: string) => `${name}/${id}`;
  return {
    read: (id: string): Promise<T | undefined> => device().get<T>(key(id)).catch(() => undefined),
    write: (id: string, value: T): Promise<void> => device().set(key(id), value).catch(() => undefined),
    forget: (id: string): Promise<void> => device().delete(key(id)).catch(() => undefined),
  };
}

/** What an older version of the app kept in localStorage under `legacyKey`, if anything (see `dropLegacy`). */
export function readLegacy<T>(legacyKey: string): T | undefined {
  try {
    const text = localStorage.getItem(legacyKey);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

/** Removes the old copy once the new store holds it: moved, so nothing is lost or sent twice. */
export function dropLegacy(legacyKey: string): void {
  try {
    localStorage.removeItem(legacyKey);
  } catch {
    // Storage disabled: there was nothing to move either.
  }
}
