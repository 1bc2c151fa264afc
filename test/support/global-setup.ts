// Chooses the database for the whole run, as the README says:
//   DATABASE_URL set → that PostgreSQL server; else a Docker engine → testcontainers; else embedded PGlite.
// For PostgreSQL it migrates one template database; every test file then clones it (CREATE DATABASE …
// TEMPLATE), so files run in parallel on their own database and never clean up after each other.
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openDatabase } from '../../src/db/index.js';

declare module 'vitest' {
  export interface ProvidedContext { databaseMode: 'postgres' | 'pglite'; templateUrl: string | null; adminUrl: string | null }
}

function dockerAvailable(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  let baseUrl = process.env.DATABASE_URL || null;
  let stopContainer: (() => Promise<unknown>) | null = null;
  if (!baseUrl && process.env.PILOTFISH_TEST_DOCKER !== 'false' && dockerAvailable()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').start();
    baseUrl = container.getConnectionUri();
    stopContainer = () => container.stop();
  }
  if (!baseUrl) {
    console.log('test database: embedded PGlite (in memory, one per test file) — set DATABASE_URL or run Docker for PostgreSQL');
    project.provide('databaseMode', 'pglite');
    project.provide('templateUrl', null);
    project.provide('adminUrl', null);
    return;
  }
  const u = new URL(baseUrl);
  console.log(`test database: PostgreSQL at ${u.host} (${stopContainer ? 'testcontainers' : 'DATABASE_URL'}), a clone of a migrated template per test file`);
  const template = `pilotfish_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const templateUrl = withDatabase(baseUrl, template);
  const database = await openDatabase({ databaseUrl: templateUrl, poolSize: 1 });
  await migrate(database);
  await database.close();
  project.provide('databaseMode', 'postgres');
  project.provide('templateUrl', templateUrl);
  project.provide('adminUrl', baseUrl);

  return async () => {
    const c = new pg.Client({ connectionString: baseUrl! });
    await c.connect();
    // Drop the template and every per-file clone of this run.
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await c.end();
    await stopContainer?.();
  };
}
