import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/live/streamStore', () => ({ watchStream: () => ({ stop: () => undefined }) }));
const { mergeEntries } = await import('../src/intake/selectionLive');

type Entry = Parameters<typeof mergeEntries>[1][number];
const entry = (id: string, version: number, status = 'Submitted') =>
  ({ application: { applicationId: id }, version, status }) as unknown as Entry;

describe('mergeEntries', () => {
  it('keeps the newer version of an entry whichever source brings it', () => {
    const now = [entry('a', 3, 'Accepted'), entry('b', 1)];
    const merged = mergeEntries(now, [entry('a', 2, 'Submitted'), entry('b', 2, 'Rejected')]);
    expect(merged.map((e) => `${e.application.applicationId}:${e.version}:${e.status}`)).toEqual(['a:3:Accepted', 'b:2:Rejected']);
  });

  it('lets a snapshot win, and keeps entries it does not name', () => {
    const merged = mergeEntries([entry('a', 3), entry('c', 1)], [entry('a', 2), entry('d', 1)], true);
    expect(merged.map((e) => `${e.application.applicationId}:${e.version}`)).toEqual(['a:2', 'c:1', 'd:1']);
  });
});
