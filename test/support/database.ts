// A fresh, migrated database for one test file (or one test): a clone of the run's template on PostgreSQL,
// an in-memory PGlite otherwise.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate, openDatabase, type Database } from '../../src/db/index.js';

export interface TestDatabase { database: Database; url: string | null; drop(): Promise<void> }

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const templateUrl = inject('templateUrl');
  if (inject('databaseMode') === 'pglite' || !templateUrl) {
    const database = await openDatabase({ memory: true });
    await migrate(database);
    return { database, url: null, drop: () => database.close() };
  }
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const adminUrl = inject('adminUrl')!;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Two files cloning at the same instant can see each other on the template: retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (err) {
        if (attempt >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(templateUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: options.poolSize ?? 5 });
  return {
    database,
    url,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await c.end();
    },
  };
}

export function isPostgres(): boolean {
  return inject('databaseMode') === 'postgres';
}
