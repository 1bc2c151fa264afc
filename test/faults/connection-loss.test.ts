// Issue 11 row 1: PostgreSQL connections terminated while pushes are in flight. The real server process
// must stay up, answer the requests that used a dead connection with 503 + Retry-After (never a 500), and
// every mention it acknowledged with a 202 must be stored exactly once.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, isPostgres, type TestDatabase } from '../support/database.js';
import { adminToken, api, startPushLoad, startServerProcess, type ServerProcess } from '../support/process.js';

describe.skipIf(!isPostgres())('connections terminated under a push load (PostgreSQL only: skipped on PGlite, which has no server connections to cut)', () => {
  let tdb: TestDatabase;
  let server: ServerProcess | null = null;
  beforeAll(async () => { tdb = await createTestDatabase(); });
  afterAll(async () => {
    await server?.kill();
    await tdb?.drop();
  });

  it('stays up, fails only the cut requests with 503, and stores every acknowledged mention once', async () => {
    server = await startServerProcess(tdb.url!);
    const token = await adminToken(server.base);
    const source = await api<{ id: string; ingest_token: string }>(server.base, 'POST', '/api/v1/sources', token, { kind: 'push', name: 'cut' });
    const load = startPushLoad(server.base, source.body.ingest_token, { workers: 6, serverAlive: () => server!.alive() });
    const killer = new pg.Client({ connectionString: tdb.url! });
    await killer.connect();
    let terminated = 0;
    try {
      for (let round = 0; round < 12; round++) {
        await new Promise((r) => setTimeout(r, 150));
        const { rows } = await killer.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name LIKE 'pilotfish%') t`);
        terminated += rows[0]!.n;
        expect(server.alive(), server.output()).toBe(true);
      }
    } finally {
      await killer.end();
      await load.stop();
    }
    expect(terminated).toBeGreaterThan(0);
    expect(server.alive(), server.output()).toBe(true);
    expect([...load.statuses.keys()].filter((s) => s !== 202 && s !== 503), JSON.stringify([...load.statuses])).toEqual([]);
    expect(load.statuses.get(202)).toBeGreaterThan(0);
    const health = await fetch(`${server.base}/health`);
    expect(health.status).toBe(200);
    const stored = await tdb.database.db.selectFrom('mentions').select(['external_id']).where('source_id', '=', source.body.id).execute();
    const ids = stored.map((r) => r.external_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of load.acknowledged) expect(ids.includes(id)).toBe(true);
  }, 120_000);
});

