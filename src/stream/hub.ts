// Fans events out to websocket clients. Each client gets only what its role (or its own user id) may see,
// in id order, exactly once: a reconnect with ?since=<last id> replays what was missed from the event
// table, while live events that arrive during the replay are held back and de-duplicated by id.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { DB } from '../db/schema.js';
import type { EventRow } from '../db/tables/events.js';
import type { EventBus } from '../events/bus.js';
import { eventsSince, mayReceive, toStreamEvent } from '../events/repository.js';
import type { Metrics } from '../observability/metrics.js';

export interface StreamUser { id: string; role: string }
interface Client { socket: WebSocket; user: StreamUser; lastId: number; replaying: boolean; held: EventRow[]; alive: boolean }

const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export function createStreamHub(db: Kysely<DB>, bus: EventBus, logger: Logger, options: { heartbeatSeconds: number; replayLimit: number; metrics?: Metrics }) {
  const clients = new Set<Client>();

  // Serialised once per event, not once per client: 1,000 clients cost one JSON.stringify.
  let lastSerialised: { id: number; text: string } | null = null;
  function serialise(row: EventRow): string {
    if (lastSerialised?.id !== row.id) lastSerialised = { id: row.id, text: JSON.stringify(toStreamEvent(row)) };
    return lastSerialised.text;
  }

  function send(client: Client, row: EventRow): void {
    if (row.id <= client.lastId || !mayReceive(row, client.user)) return;
    client.lastId = row.id;
    if (client.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      // A client that does not read is cut off rather than allowed to grow our memory; it will reconnect with ?since.
      logger.warn({ userId: client.user.id }, 'stream client too slow; disconnecting');
      client.socket.terminate();
      return;
    }
    client.socket.send(serialise(row));
    options.metrics?.streamEvents.inc({ type: row.type });
  }

  const unsubscribe = bus.subscribe((row) => {
    for (const client of clients) {
      if (client.replaying) client.held.push(row);
      else send(client, row);
    }
  });

  // A disabled, demoted or re-passworded user loses their sockets at once, on every instance; 4401 tells the
  // client to authenticate again (with the new role, or not at all).
  const unsubscribeAccess = bus.onAccessChange((userId) => {
    for (const client of clients) {
      if (client.user.id !== userId) continue;
      logger.info({ userId }, 'access changed; closing the user\'s stream');
      client.socket.close(4401, 'access changed; sign in again');
      clients.delete(client);
    }
    options.metrics?.streamClients.set(clients.size);
  });

  // One heartbeat round: a client that did not answer the previous ping is cut. The interval only calls it,
  // so a test can run rounds itself instead of waiting for the timer.
  function beat(): void {
    for (const client of clients) {
      if (!client.alive) { client.socket.terminate(); continue; }
      client.alive = false;
      client.socket.ping();
    }
  }
  const heartbeat = setInterval(beat, options.heartbeatSeconds * 1000);
  heartbeat.unref();

  return {
    async attach(socket: WebSocket, user: StreamUser, since: number | null): Promise<void> {
      const client: Client = { socket, user, lastId: since ?? 0, replaying: since !== null, held: [], alive: true };
      clients.add(client);
      options.metrics?.streamClients.set(clients.size);
      socket.on('pong', () => { client.alive = true; });
      socket.on('close', () => {
        clients.delete(client);
        options.metrics?.streamClients.set(clients.size);
      });
      socket.on('error', (err) => logger.debug({ err: err.message, userId: user.id }, 'stream socket error'));
      if (since === null) return;
      try {
        let cursor = since;
        for (let left = options.replayLimit; left > 0;) {
          const rows = await eventsSince(db, cursor, Math.min(left, 500));
          for (const row of rows) send(client, row);
          if (rows.length === 0) break;
          cursor = rows.at(-1)!.id;
          left -= rows.length;
        }
      } catch (err) {
        logger.warn({ err: (err as Error).message, userId: user.id }, 'stream replay failed');
      } finally {
        client.replaying = false;
        for (const row of client.held.sort((a, b) => a.id - b.id)) send(client, row);
        client.held = [];
      }
    },
    size: () => clients.size,
    heartbeat: beat,
    close(): void {
      clearInterval(heartbeat);
      unsubscribe();
      unsubscribeAccess();
      for (const client of clients) client.socket.close(1001, 'server shutting down');
      clients.clear();
    },
  };
}

export type StreamHub = ReturnType<typeof createStreamHub>;
