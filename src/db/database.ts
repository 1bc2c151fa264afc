// Opens the database: PostgreSQL through `pg` when a URL is configured, embedded PGlite otherwise.
// Both speak the same SQL and run the same migrations; callers only see Kysely plus a few raw helpers.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DB } from './schema.js';

export type DatabaseKind = 'postgres' | 'pglite';
export type NotifyHandler = (payload: string) => void;

/** A session-bound runner for multi-statement scripts (migrations) and advisory locks. */
export interface ScriptSession {
  exec(script: string): Promise<void>;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /**
   * A small pool of its own for background jobs (escalation timers, outbox, retention) and /health, so that
   * slow reads filling the request pool cannot starve them. The same as `db` on PGlite (one session).
   */
  jobs: Kysely<DB>;
  /** Runs fn on one dedicated session (same connection for every statement). */
  withSession<T>(fn: (session: ScriptSession) => Promise<T>): Promise<T>;
  /** Subscribes to a NOTIFY channel; returns an unsubscribe function. Survives reconnects on PostgreSQL. */
  listen(channel: string, handler: NotifyHandler): Promise<() => Promise<void>>;
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | null;
  dataDir?: string;
  /** In-memory PGlite (tests). */
  memory?: boolean;
  logger?: Logger;
  poolSize?: number;
  /** Size of the jobs pool (PostgreSQL); default 3. */
  jobsPoolSize?: number;
  /** Server-side limits set on every pooled session; 0 or absent = none. */
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
}

// int8 (count(*), identity ids) as JS numbers, like PGlite does: ids stay far below 2^53.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v);
    const parse = pg.types.getTypeParser(oid as never, format ?? 'text') as (v: string) => unknown;
    if (oid === 1016) return (v: string) => (parse(v) as string[]).map(Number);
    return parse;
  },
} as pg.CustomTypesConfig;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(options);
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const { openPostgresListener } = await import('./pg-listener.js');
  const makePool = (max: number, name: string) => {
    const pool = new pg.Pool({
      connectionString: url,
      max,
      types: pgTypes,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      application_name: name,
      // A runaway statement or a transaction left open cannot hold a connection (and its locks) forever.
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      ...(options.idleInTransactionTimeoutMs ? { idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs } : {}),
    });
    guardPool(pool, options.logger);
    return pool;
  };
  const pool = makePool(options.poolSize ?? 10, 'pilotfish');
  const jobsPool = makePool(options.jobsPoolSize ?? 3, 'pilotfish-jobs');
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const jobs = new Kysely<DB>({ dialect: new PostgresDialect({ pool: jobsPool }) });
  const listener = openPostgresListener(url, pgTypes, options.logger);
  return {
    kind: 'postgres',
    db,
    jobs,
    async withSession(fn) {
      const client = await pool.connect();
      try {
        // Scripts (migrations: an index on a big table) may legitimately run long.
        if (options.statementTimeoutMs) await client.query('SET statement_timeout = 0');
        return await fn({
          exec: async (script) => { await client.query(script); },
          query: async (text, params) => (await client.query(text, params)).rows,
        });
      } finally {
        if (options.statementTimeoutMs) await client.query('RESET statement_timeout').catch(() => undefined);
        client.release();
      }
    },
    listen: (channel, handler) => listener.listen(channel, handler),
    async ping(timeoutMs = 2000) {
      await withTimeout(sql`select 1`.execute(jobs), timeoutMs);
    },
    async close() {
      await listener.close();
      await jobs.destroy();
      if (!jobsPool.ended) await jobsPool.end();
      await db.destroy();
      // Kysely only ends the pool if it ever used it; withSession() may have been the only user.
      if (!pool.ended) await pool.end();
    },
  };
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([import('@electric-sql/pglite'), import('kysely-pglite-dialect')]);
  let dataDir: string | undefined;
  if (!options.memory) {
    dataDir = path.resolve(options.dataDir ?? './data', 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return {
    kind: 'pglite',
    db,
    jobs: db,
    // PGlite is one session: Kysely's driver serialises access, so go through it to stay in the queue.
    async withSession(fn) {
      return db.connection().execute(async () =>
        fn({
          exec: async (script) => { await client.exec(script); },
          query: async (text, params) => (await client.query(text, params)).rows as never[],
        }),
      );
    },
    async listen(channel, handler) {
      const unsubscribe = await client.listen(channel, handler);
      return async () => unsubscribe();
    },
    async ping(timeoutMs = 2000) {
      await withTimeout(sql`select 1`.execute(db), timeoutMs);
    },
    async close() {
      await db.destroy();
    },
  };
}

/**
 * A pg client emits 'error' when its socket dies (backend terminated, TCP cut, server restart). pg-pool only
 * listens while a client is idle; a client checked out by a request or a transaction has no listener, and an
 * unhandled 'error' event exits the process. So every client gets a listener for its whole life: the query
 * in flight rejects on its own (the request answers 503), and the pool discards the broken client on release.
 */
export function guardPool(pool: pg.Pool, logger?: Logger): void {
  pool.on('error', (err) => logger?.warn({ err: err.message }, 'postgres idle client lost'));
  pool.on('connect', (client) => {
    client.on('error', (err) => logger?.warn({ err: err.message }, 'postgres client lost while in use'));
  });
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
