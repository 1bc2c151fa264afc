// Fixed-window counters in PostgreSQL, so every instance counts against the same limit.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface Hit { current: number; ttlMs: number }

/** Counts one hit for `key` in its current window (a new window starts when the last one has ended). */
export async function hit(db: Kysely<DB>, key: string, windowMs: number): Promise<Hit> {
  const window = `${Math.max(1, Math.trunc(windowMs))} milliseconds`;
  const { rows } = await sql<{ count: number; ttl_ms: number }>`
    INSERT INTO rate_limits AS r (key, count, reset_at) VALUES (${key}, 1, clock_timestamp() + ${window}::interval)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN r.reset_at <= clock_timestamp() THEN 1 ELSE r.count + 1 END,
      reset_at = CASE WHEN r.reset_at <= clock_timestamp() THEN clock_timestamp() + ${window}::interval ELSE r.reset_at END
    RETURNING count, greatest(0, extract(epoch FROM reset_at - clock_timestamp()) * 1000)::float8 AS ttl_ms`.execute(db);
  const row = rows[0]!;
  return { current: Number(row.count), ttlMs: Number(row.ttl_ms) };
}

/** Drops windows that ended long ago (the table only ever holds live counters). */
export async function deleteExpired(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('rate_limits').where('reset_at', '<', sql<Date>`clock_timestamp() - interval '1 hour'`).execute();
}
