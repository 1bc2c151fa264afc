// One dedicated PostgreSQL connection for LISTEN, re-established with backoff when the server restarts,
// so events keep crossing instances after a database outage.
import pg from 'pg';
import type { Logger } from 'pino';
import type { NotifyHandler } from './database.js';

export function openPostgresListener(url: string, types: pg.CustomTypesConfig, logger?: Logger) {
  const handlers = new Map<string, Set<NotifyHandler>>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let retryDelay = 500;
  let retryTimer: NodeJS.Timeout | null = null;

  const quote = (channel: string) => `"${channel.replace(/"/g, '""')}"`;

  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: url, types, application_name: 'pilotfish-listen' });
    c.on('notification', (msg) => {
      for (const h of handlers.get(msg.channel) ?? []) {
        try { h(msg.payload ?? ''); } catch (err) { logger?.error({ err, channel: msg.channel }, 'notify handler failed'); }
      }
    });
    c.on('error', (err) => {
      logger?.warn({ err: err.message }, 'listen connection lost; reconnecting');
      drop(c);
    });
    c.on('end', () => drop(c));
    await c.connect();
    for (const channel of handlers.keys()) await c.query(`LISTEN ${quote(channel)}`);
    retryDelay = 500;
    return c;
  }

  function drop(c: pg.Client): void {
    if (client !== c) return;
    client = null;
    c.removeAllListeners('notification');
    c.end().catch(() => undefined);
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer || handlers.size === 0) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      ensure().catch(() => scheduleReconnect());
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 10_000);
  }

  async function ensure(): Promise<pg.Client> {
    if (client) return client;
    if (!connecting) {
      connecting = connect()
        .then((c) => { client = c; return c; })
        .finally(() => { connecting = null; });
    }
    return connecting;
  }

  return {
    async listen(channel: string, handler: NotifyHandler): Promise<() => Promise<void>> {
      const isNew = !handlers.has(channel);
      if (isNew) handlers.set(channel, new Set());
      handlers.get(channel)!.add(handler);
      try {
        const c = await ensure();
        if (isNew && client === c) await c.query(`LISTEN ${quote(channel)}`);
      } catch (err) {
        logger?.warn({ err: (err as Error).message, channel }, 'cannot LISTEN yet; will retry');
        scheduleReconnect();
      }
      return async () => {
        const set = handlers.get(channel);
        set?.delete(handler);
        if (set && set.size === 0) {
          handlers.delete(channel);
          await client?.query(`UNLISTEN ${quote(channel)}`).catch(() => undefined);
        }
      };
    },
    async close(): Promise<void> {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
