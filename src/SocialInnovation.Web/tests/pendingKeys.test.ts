// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { indexedDbStore } from '../src/api/pendingKeys';

it('keeps pending keys in IndexedDB, where a second store (a reloaded page) finds them', async () => {
  await indexedDbStore().set('invite:camp', { key: 'k1', fingerprint: 'f1' });
  const reloaded = indexedDbStore();
  expect(await reloaded.get('invite:camp')).toEqual({ key: 'k1', fingerprint: 'f1' });
  await reloaded.delete('invite:camp');
  expect(await indexedDbStore().get('invite:camp')).toBeUndefined();
});
