// Issue 11, row 7: slow but valid reads must not exhaust the pool. The mentions table is locked from outside
// (every read on it waits, as a pathological filter on millions of rows would), then more reads are fired than
// the request pool has connections. Each is cancelled by statement_timeout and answers 503 + Retry-After, while
// /health (the jobs pool) keeps answering 200; once the lock goes, reads and pushes work again.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, isPostgres, type TestDatabase } from '../support/database.js';
import { adminToken, api, startServerProcess, type ServerProcess } from '../support/process.js';

describe.skipIf(!isPostgres())('slow reads (PostgreSQL only: PGlite has one connection and no statement timeout)', () => {
  let tdb: TestDatabase;
  let server: ServerProcess | null = null;
  beforeAll(async () => { tdb = await createTestDatabase(); });
  afterAll(async () => {
    await server?.kill();
    await tdb?.drop();
  });

  it('cancels reads past the statement timeout with 503 and keeps /health and the jobs pool free', async () => {
    server = await startServerProcess(tdb.url!, {
      DATABASE_POOL_SIZE: '3', DATABASE_JOBS_POOL_SIZE: '2', DATABASE_STATEMENT_TIMEOUT_MS: '400',
    });
    const token = await adminToken(server.base);
    const source = await api<{ ingest_token: string }>(server.base, 'POST', '/api/v1/sources', token, { kind: 'push', name: 'slow' });
    expect((await api(server.base, 'POST', '/api/v1/mentions', source.body.ingest_token, { mentions: [{ external_id: 'before', text: 'hello' }] })).status).toBe(202);

    const locker = new pg.Client({ connectionString: tdb.url! });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE mentions IN ACCESS EXCLUSIVE MODE');
      const reads = Array.from({ length: 12 }, () => api(server!.base, 'GET', '/api/v1/mentions?limit=10', token));
      // While every request connection waits on the lock, the jobs pool still answers.
      const health = await fetch(`${server.base}/health`);
      expect(health.status).toBe(200);
      const results = await Promise.all(reads);
      const statuses = results.map((r) => r.status);
      expect(statuses.every((s) => s === 503), JSON.stringify(statuses)).toBe(true);
      expect(results[0]!.headers.get('retry-after')).toBeTruthy();
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expect((await api(server.base, 'GET', '/api/v1/mentions?limit=10', token)).status).toBe(200);
    expect((await api(server.base, 'POST', '/api/v1/mentions', source.body.ingest_token, { mentions: [{ external_id: 'after', text: 'again' }] })).status).toBe(202);
    expect(server.alive()).toBe(true);
  }, 120_000);
});
