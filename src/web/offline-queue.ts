// Reports written without a network wait on the phone (localStorage, per user) and are sent when the
// network returns. Each carries a client_id chosen when it was written, so a report sent twice (the
// page was closed mid-request, two tabs flushed at once) is still one signal on the server.
import { api, ApiError } from './api.js';
import type { Signal } from './types.js';

export interface QueuedSignal { client_id: string; queued_at: string; body: Record<string, unknown> }

const KEY_PREFIX = 'pf_signal_queue:';
const listeners = new Set<(pending: number) => void>();
let userId: string | null = null;
let flushing: Promise<void> | null = null;

function key(): string | null { return userId ? `${KEY_PREFIX}${userId}` : null; }

export function queued(): QueuedSignal[] {
  const k = key();
  if (!k) return [];
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(k) ?? '[]');
    return Array.isArray(parsed) ? (parsed as QueuedSignal[]) : [];
  } catch {
    return [];
  }
}

function save(items: QueuedSignal[]): void {
  const k = key();
  if (!k) return;
  if (items.length === 0) localStorage.removeItem(k);
  else localStorage.setItem(k, JSON.stringify(items));
  for (const l of listeners) l(items.length);
}

export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16)); // randomUUID needs a secure context; this does not
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Keeps a report for later; the caller already gave it its client_id. */
export function enqueue(body: Record<string, unknown> & { client_id: string }): void {
  save([...queued().filter((q) => q.client_id !== body.client_id), { client_id: body.client_id, queued_at: new Date().toISOString(), body }]);
}

export function onQueueChange(listener: (pending: number) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sends what is waiting, oldest first; stops at the first network failure (still offline). */
export function flush(onSent?: (signal: Signal) => void): Promise<void> {
  if (!flushing) {
    // Reset once settled, after the assignment (an empty queue would otherwise settle synchronously first).
    flushing = sendQueued(onSent).finally(() => { flushing = null; });
  }
  return flushing;
}

async function sendQueued(onSent?: (signal: Signal) => void): Promise<void> {
  for (const item of queued()) {
    try {
      const signal = await api.post<Signal>('/api/v1/signals', { ...item.body, client_id: item.client_id });
      onSent?.(signal);
    } catch (err) {
      // Offline, signed out, rate-limited or a server hiccup: keep it for the next attempt.
      if (!(err instanceof ApiError) || err.status === 0 || err.status === 401 || err.status === 429 || err.status >= 500) return;
      // Refused for good (the input became invalid, e.g. the topic was deleted): drop it, it will never pass.
    }
    save(queued().filter((q) => q.client_id !== item.client_id));
  }
}

/** Called once the user is known: flushes now and whenever the browser says the network is back. */
export function startOfflineQueue(forUserId: string): void {
  userId = forUserId;
  void flush();
}

window.addEventListener('online', () => void flush());
