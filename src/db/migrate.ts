// Applies the numbered SQL files in migrations/ in order, each in its own transaction, under a
// PostgreSQL advisory lock so that two instances starting together never both apply them.
// Applied migrations are recorded with a checksum: editing a migration after it ran is refused.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Database, ScriptSession } from './database.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
// Arbitrary, stable 64-bit key for pg_advisory_lock ("pilotfish" in ASCII, truncated).
const MIGRATION_LOCK_KEY = '7020498302865810793';

export interface Migration { version: number; name: string; sql: string; checksum: string }

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(dir + file, 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export class MigrationError extends Error {}

export async function migrate(database: Database, logger?: Logger, migrations = loadMigrations()): Promise<string[]> {
  return database.withSession(async (session) => {
    await session.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await session.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now())`);
      const applied = new Map(
        (await session.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations'))
          .map((r) => [Number(r.version), r]),
      );
      verifyApplied(migrations, applied);
      const done: string[] = [];
      for (const m of migrations) {
        if (applied.has(m.version)) continue;
        await applyOne(session, m);
        logger?.info({ migration: m.name }, 'migration applied');
        done.push(m.name);
      }
      // Fresh statistics after a schema change, so the planner picks the new indexes at once rather than
      // after the first autoanalyze (queries on a big mentions table were slow until then).
      if (done.length > 0) await session.exec('ANALYZE');
      return done;
    } finally {
      await session.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}

function verifyApplied(migrations: Migration[], applied: Map<number, { name: string; checksum: string }>): void {
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const [version, row] of applied) {
    const m = known.get(version);
    if (!m) throw new MigrationError(`database has migration ${row.name}, which this version does not know (downgrade?)`);
    if (m.checksum !== row.checksum) throw new MigrationError(`migration ${m.name} was edited after it was applied; add a new migration instead`);
  }
}

async function applyOne(session: ScriptSession, m: Migration): Promise<void> {
  await session.exec('BEGIN');
  try {
    await session.exec(m.sql);
    await session.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
    await session.exec('COMMIT');
  } catch (err) {
    await session.exec('ROLLBACK');
    throw new MigrationError(`migration ${m.name} failed: ${(err as Error).message}`);
  }
}
