// Fans stored events out to local subscribers (websocket connections). Every instance LISTENs on the same
// channel, so a client on instance B sees what instance A committed. Ids arrive in commit order per
// instance; a subscriber filters by audience.
import type { Logger } from 'pino';
import type { Database } from '../db/index.js';
import type { EventRow } from '../db/tables/events.js';
import { coalescing } from '../shared/coalesce.js';
import { eventsByIds } from './repository.js';
import { ACCESS_CHANNEL, EVENTS_CHANNEL } from './types.js';

export type EventListener = (row: EventRow) => void;

export interface EventBus {
  subscribe(listener: EventListener): () => void;
  /** Called with a user id when that user's access changed on any instance (see announceAccessChange). */
  onAccessChange(listener: (userId: string) => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createEventBus(database: Database, logger: Logger): EventBus {
  const listeners = new Set<EventListener>();
  const accessListeners = new Set<(userId: string) => void>();
  let unlisten: (() => Promise<void>) | null = null;
  let unlistenAccess: (() => Promise<void>) | null = null;
  let pending: number[] = [];

  // Coalesce bursts of NOTIFYs into one query per round.
  const flush = coalescing(async () => {
    const ids = pending;
    pending = [];
    if (ids.length === 0) return;
    try {
      const rows = await eventsByIds(database.db, ids);
      for (const row of rows) for (const l of listeners) {
        try { l(row); } catch (err) { logger.error({ err, eventId: row.id }, 'event listener failed'); }
      }
    } catch (err) {
      logger.warn({ err: (err as Error).message, count: ids.length }, 'could not load notified events');
    }
  });

  function onNotify(payload: string): void {
    const id = Number(payload);
    if (!Number.isSafeInteger(id)) return;
    pending.push(id);
    void flush();
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onAccessChange(listener) {
      accessListeners.add(listener);
      return () => accessListeners.delete(listener);
    },
    async start() {
      unlisten = await database.listen(EVENTS_CHANNEL, onNotify);
      unlistenAccess = await database.listen(ACCESS_CHANNEL, (userId) => {
        for (const l of accessListeners) {
          try { l(userId); } catch (err) { logger.error({ err, userId }, 'access-change listener failed'); }
        }
      });
    },
    async stop() {
      await unlisten?.();
      await unlistenAccess?.();
      unlisten = null;
      unlistenAccess = null;
      await flush();
    },
  };
}
