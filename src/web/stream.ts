// The live event stream: one websocket per tab, authenticated by the session cookie. On a drop it
// reconnects with exponential backoff and asks for what it missed with ?since=<last event id>.
import type { StreamEvent } from './types.js';

export type StreamStatus = 'connecting' | 'open' | 'offline';
type EventListener = (event: StreamEvent) => void;
type StatusListener = (status: StreamStatus) => void;

const MIN_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

export class StreamClient {
  private socket: WebSocket | null = null;
  private lastId: string | null = null;
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;
  private readonly listeners = new Map<string, Set<EventListener>>();
  private readonly statusListeners = new Set<StatusListener>();
  status: StreamStatus = 'offline';

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.lastId = null; // the next session (maybe another user) starts from now, not from our history
    this.attempts = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'signed out');
    this.setStatus('offline');
  }

  /** Subscribes to one event type, or '*' for all; returns the unsubscribe function. */
  on(type: string, listener: EventListener): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, set = new Set());
    set.add(listener);
    return () => set.delete(listener);
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  private url(): string {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const since = this.lastId ? `?since=${encodeURIComponent(this.lastId)}` : '';
    return `${scheme}://${location.host}/api/v1/stream${since}`;
  }

  private connect(): void {
    this.setStatus('connecting');
    const socket = new WebSocket(this.url());
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      this.attempts = 0;
      this.setStatus('open');
    });
    socket.addEventListener('message', (message) => {
      if (this.socket !== socket || typeof message.data !== 'string') return;
      this.dispatch(message.data);
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (!this.stopped) this.scheduleReconnect();
    });
  }

  private dispatch(raw: string): void {
    let event: StreamEvent;
    try {
      event = JSON.parse(raw) as StreamEvent;
    } catch {
      return;
    }
    if (!event || typeof event.type !== 'string') return;
    if (event.id) this.lastId = String(event.id);
    for (const key of [event.type, '*']) {
      for (const listener of this.listeners.get(key) ?? []) {
        try {
          listener(event);
        } catch (err) {
          console.error('stream listener failed', err);
        }
      }
    }
  }

  private scheduleReconnect(): void {
    this.setStatus('offline');
    const base = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempts);
    this.attempts += 1;
    const delay = base / 2 + Math.random() * base / 2; // jitter: many tabs do not reconnect in lockstep
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.connect();
    }, delay);
  }

  private setStatus(status: StreamStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const l of this.statusListeners) l(status);
  }
}

export const stream = new StreamClient();
