import { useEffect } from 'preact/hooks';
import type { Role } from '../api/types';
import { currentMe, me } from '../session/current';

/** The signed-in person's role in the camp; undefined while loading, null when not a member. */
export function useRole(campId: string): Role | null | undefined {
  useEffect(() => void currentMe().catch(() => undefined), []);
  const who = me.value;
  if (who === undefined) return undefined;
  return who?.camps.find((c) => c.campId === campId)?.role ?? null;
}
