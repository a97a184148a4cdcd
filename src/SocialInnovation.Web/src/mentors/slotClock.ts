import { useEffect, useState } from 'preact/hooks';

interface Timed { start: string; minutes: number }

/** When an office-hour slot ends (ms since the epoch). */
export const endOf = (slot: Timed): number => Date.parse(slot.start) + slot.minutes * 60000;

/** Whether the slot has ended at `now`: from its last instant on it is history, not something to book. */
export const hasEnded = (slot: Timed, now: number): boolean => endOf(slot) <= now;

// setTimeout takes at most a signed 32-bit delay; a slot further away is checked again then.
const longestWait = 2 ** 31 - 1;

/**
 * The time to compare slots with, read again the moment the next of them ends, so an ended slot leaves a
 * list at its end instead of up to a minute later (when booking it would only be refused).
 */
export function useSlotClock(slots: Timed[]): number {
  const [now, setNow] = useState(Date.now);
  const next = slots.reduce((soonest, slot) => {
    const end = endOf(slot);
    return end > now && end < soonest ? end : soonest;
  }, Number.POSITIVE_INFINITY);
  useEffect(() => {
    if (!Number.isFinite(next)) return;
    const timer = window.setTimeout(() => setNow(Date.now()), Math.min(Math.max(next - Date.now(), 0) + 20, longestWait));
    return () => window.clearTimeout(timer);
  }, [next]);
  return now;
}
