import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import type { StreamEnvelope } from '../api/types';

export type LiveState = 'connected' | 'reconnecting' | 'offline';

// One connection for the whole app, carrying every watched stream; open while at least one page watches.
let connection: HubConnection | null = null;
let state: LiveState = 'offline';
// The browser knows it lost the network long before SignalR does (its keep-alive takes up to 30 s, and an open
// WebSocket may not notice at all), so the badge says "offline" from the browser's own word.
let browserOnline = typeof navigator === 'undefined' || navigator.onLine !== false;
let users = 0;
let stopTimer: number | undefined;
let startTimer: number | undefined;
let startAttempt = 0;
const stateListeners = new Set<(state: LiveState) => void>();
const connectedListeners = new Set<() => void>();
const streamListeners = new Map<string, Set<(events: StreamEnvelope[]) => void>>();

// After the default policy's four tries SignalR would give up; a camp venue's Wi-Fi can be down longer.
const retryDelay = (attempt: number) => [0, 2000, 5000, 10000][attempt] ?? 15000;

function setState(next: LiveState): void {
  state = next;
  const shown = liveState();
  for (const listener of stateListeners) listener(shown);
}

function build(): HubConnection {
  const hub = new HubConnectionBuilder()
    .withUrl('/hubs/camp')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => retryDelay(ctx.previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
  hub.on('StreamEvents', (batch: StreamEnvelope[]) => dispatch(batch));
  hub.onreconnecting(() => setState('reconnecting'));
  hub.onreconnected(() => connected());
  hub.onclose(() => {
    setState('offline');
    if (users > 0) scheduleStart();
  });
  return hub;
}

/** Hands each stream's events, in order, to the stores watching that stream. */
function dispatch(batch: StreamEnvelope[]): void {
  const byStream = new Map<string, StreamEnvelope[]>();
  for (const envelope of batch) {
    const events = byStream.get(envelope.stream);
    if (events) events.push(envelope);
    else byStream.set(envelope.stream, [envelope]);
  }
  for (const [stream, events] of byStream) {
    for (const listener of streamListeners.get(stream) ?? []) listener(events);
  }
}

function connected(): void {
  startAttempt = 0;
  setState('connected');
  for (const listener of connectedListeners) listener();
}

async function startNow(): Promise<void> {
  window.clearTimeout(startTimer);
  connection ??= build();
  if (connection.state !== HubConnectionState.Disconnected || users === 0) return;
  try {
    await connection.start();
    connected();
  } catch {
    setState('offline');
    scheduleStart();
  }
}

function scheduleStart(): void {
  window.clearTimeout(startTimer);
  startTimer = window.setTimeout(() => void startNow(), retryDelay(++startAttempt));
}

window.addEventListener('offline', () => {
  browserOnline = false;
  setState(state);
});

window.addEventListener('online', () => {
  browserOnline = true;
  if (users === 0) return setState(state);
  if (connection?.state === HubConnectionState.Connected) {
    // The socket outlived the outage, but pushes may have been lost on the way: resynchronise like a reconnection.
    connected();
  } else {
    // Show the retry for what it is, and retry now rather than at the end of the current back-off.
    if (state === 'offline') setState('reconnecting');
    void startNow();
  }
});

/** Keeps the connection open until the returned function is called. */
export function useLive(): () => void {
  users++;
  window.clearTimeout(stopTimer);
  void startNow();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // Going from a camp page to its console should not drop and reopen the connection.
    if (--users === 0) stopTimer = window.setTimeout(() => void stopNow(), 3000);
  };
}

async function stopNow(): Promise<void> {
  window.clearTimeout(startTimer);
  if (users === 0 && connection) await connection.stop();
}

/** What the badge shows: the hub's state, but "offline" whenever the browser says it has no network. */
export const liveState = (): LiveState => (browserOnline ? state : 'offline');
export const isConnected = (): boolean => connection?.state === HubConnectionState.Connected;

function subscribe<T>(set: Set<T>, listener: T): () => void {
  set.add(listener);
  return () => void set.delete(listener);
}

export const onLiveState = (listener: (state: LiveState) => void) => subscribe(stateListeners, listener);
/** Called on every (re)connection: the moment to resynchronise. */
export const onConnected = (listener: () => void) => subscribe(connectedListeners, listener);
/** Called with the events of one stream (by its canonical name) as they are pushed. */
export function onStreamEvents(stream: string, listener: (events: StreamEnvelope[]) => void): () => void {
  let listeners = streamListeners.get(stream);
  if (!listeners) streamListeners.set(stream, (listeners = new Set()));
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) streamListeners.delete(stream);
  };
}

export function invoke<T>(method: string, ...args: unknown[]): Promise<T> {
  if (!connection) return Promise.reject(new Error('Live connection not started'));
  return connection.invoke<T>(method, ...args);
}
