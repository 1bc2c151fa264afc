// Weekly partitions of the mentions table (migration 0011): created ahead by a job, dropped whole by
// retention. A week runs from Monday 00:00 UTC to the next Monday; its partition is mentions_wYYYYMMDD.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

const WEEK_MS = 7 * 86400_000;

/** Monday 00:00 UTC of the week an instant falls in. */
export function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86400_000);
}

export function partitionName(week: Date): string {
  return `mentions_w${week.toISOString().slice(0, 10).replace(/-/g, '')}`;
}

export interface WeeklyPartition { name: string; from: Date; to: Date }

/** The weekly partitions that exist, oldest first (the default partition is not listed). */
export async function listPartitions(db: Kysely<DB>): Promise<WeeklyPartition[]> {
  const rows = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'mentions'::regclass AND c.relname ~ '^mentions_w[0-9]{8}$' ORDER BY c.relname`.execute(db);
  return rows.rows.map(({ name }) => {
    const from = new Date(`${name.slice(10, 14)}-${name.slice(14, 16)}-${name.slice(16, 18)}T00:00:00Z`);
    return { name, from, to: new Date(from.getTime() + WEEK_MS) };
  });
}

/**
 * Creates the partitions of the current week and the `weeksAhead` following ones that are missing.
 * Rows already sitting in the default partition for such a week are moved into the new partition, in
 * the same transaction (PostgreSQL refuses to create a partition whose rows are in the default one).
 */
export async function ensurePartitions(db: Kysely<DB>, now: Date, weeksAhead: number): Promise<string[]> {
  const existing = new Set((await listPartitions(db)).map((p) => p.name));
  const created: string[] = [];
  const first = weekStart(now);
  for (let i = 0; i <= weeksAhead; i++) {
    const from = new Date(first.getTime() + i * WEEK_MS);
    const to = new Date(from.getTime() + WEEK_MS);
    const name = partitionName(from);
    if (existing.has(name)) continue;
    await db.transaction().execute(async (trx) => {
      // One creator at a time across instances; a second one finds the partition and skips it.
      await sql`SELECT pg_advisory_xact_lock(hashtext('pilotfish.mention_partitions'))`.execute(trx);
      const exists = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_class WHERE relname = ${name}`.execute(trx);
      if (exists.rows[0]!.n > 0) return;
      const stray = await sql<{ n: number }>`SELECT count(*)::int AS n FROM mentions_default WHERE collected_at >= ${from} AND collected_at < ${to}`.execute(trx);
      if (stray.rows[0]!.n === 0) {
        await sql`CREATE TABLE ${sql.id(name)} PARTITION OF mentions FOR VALUES FROM (${sql.lit(from.toISOString())}) TO (${sql.lit(to.toISOString())})`.execute(trx);
      } else {
        await sql`CREATE TABLE ${sql.id(name)} (LIKE mentions INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`.execute(trx);
        await sql`WITH moved AS (DELETE FROM mentions_default WHERE collected_at >= ${from} AND collected_at < ${to} RETURNING *)
                  INSERT INTO ${sql.id(name)} SELECT * FROM moved`.execute(trx);
        await sql`ALTER TABLE mentions ATTACH PARTITION ${sql.id(name)} FOR VALUES FROM (${sql.lit(from.toISOString())}) TO (${sql.lit(to.toISOString())})`.execute(trx);
      }
      created.push(name);
    });
  }
  return created;
}

/** Drops the weekly partitions that end at or before the cutoff; returns how many mentions they held. */
export async function dropPartitionsBefore(db: Kysely<DB>, cutoff: Date): Promise<{ partitions: string[]; mentions: number }> {
  const old = (await listPartitions(db)).filter((p) => p.to.getTime() <= cutoff.getTime());
  let mentions = 0;
  for (const p of old) {
    await db.transaction().execute(async (trx) => {
      const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.id(p.name)}`.execute(trx);
      mentions += n.rows[0]!.n;
      await sql`DROP TABLE ${sql.id(p.name)}`.execute(trx);
    });
  }
  return { partitions: old.map((p) => p.name), mentions };
}
