import type { HelpRequest, QueueView } from './mentorsApi';

/** The same figures as the server's QueueMath: place among the waiting (1 = next), and the estimated wait. */
export const waiting = (view: QueueView): HelpRequest[] =>
  view.requests.filter((r) => r.status === 'Waiting').sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));

export function placeOf(view: QueueView, requestId: string): number {
  return waiting(view).findIndex((r) => r.requestId === requestId) + 1;
}

export function estimatedWaitMinutes(place: number, averageHandlingMinutes: number, mentorsOnDuty: number): number {
  return place <= 0 ? 0 : Math.ceil(place / Math.max(1, mentorsOnDuty)) * averageHandlingMinutes;
}

/**
 * "About N min" as shown: whole minutes, rounded up and at least one, so sessions ended within seconds (the
 * demo's, a mentor closing a session at once) never promise "about 0 min".
 */
export const aboutMinutes = (minutes: number): number => Math.max(1, Math.ceil(minutes - 1e-9));

/** Minutes since a moment, whole, never negative. */
export const minutesSince = (iso: string, now: number): number => Math.max(0, Math.floor((now - Date.parse(iso)) / 60000));

/** The team's open request (waiting or taken), if any. */
export const openRequestOf = (view: QueueView, teamId: string): HelpRequest | undefined =>
  view.requests.find((r) => r.teamId === teamId && (r.status === 'Waiting' || r.status === 'Taken'));

/** One event of the queue stream: the changed request replaces its old copy; the estimate's figures come along. */
export function applyQueueChange(view: QueueView, change: { request: HelpRequest; averageHandlingMinutes: number; mentorsOnDuty: number }): QueueView {
  const others = view.requests.filter((r) => r.requestId !== change.request.requestId);
  return { ...view, requests: [...others, change.request], averageHandlingMinutes: change.averageHandlingMinutes, mentorsOnDuty: change.mentorsOnDuty };
}
