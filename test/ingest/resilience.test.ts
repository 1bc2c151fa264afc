import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { openDatabase } from '../../src/db/index.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createServices } from '../../src/services.js';
import { createTestApp, createUser, TEST_ENV, type TestApp } from '../support/app.js';
import { isPostgres } from '../support/database.js';

describe('with the database down', () => {
  it('answers 503 with Retry-After quickly instead of hanging, and /health says unavailable', async () => {
    const config = loadConfig(TEST_ENV);
    const logger = pino({ level: 'silent' });
    // Nothing listens on port 1: every connection attempt fails at once.
    const database = await openDatabase({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', logger });
    const metrics = createMetrics();
    const services = createServices({ config, database, logger, metrics });
    const app = await buildApp({ config, database, logger, metrics, services, resolveIngestToken: services.resolveIngestToken });
    try {
      const started = Date.now();
      const res = await app.inject({ method: 'POST', url: '/api/v1/mentions', headers: { authorization: 'Bearer pf_ing_whatever' }, payload: { mentions: [{ external_id: '1', text: 'x' }] } });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.json().error.code).toBe('unavailable');
      expect(Date.now() - started).toBeLessThan(10_000);
      const health = await app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(503);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('under overload', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ 'ingest.max_concurrent_requests': 1, 'ingest.retry_after_seconds': 7 }); });
  afterAll(async () => t?.close());

  // PGlite is a single session: requests queue on it before reaching the handler, so overload shows on PostgreSQL.
  it.runIf(isPostgres())('sheds excess pushes with 503 + Retry-After and keeps every accepted mention', async () => {
    const admin = await createUser(t, 'admin');
    const source = (await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'push', name: 'busy' } })).json();
    const auth = { authorization: `Bearer ${source.ingest_token}` };
    const batches = Array.from({ length: 8 }, (_, b) => ({ mentions: Array.from({ length: 500 }, (_, i) => ({ external_id: `${b}-${i}`, text: `mention ${b} ${i} about something` })) }));
    const responses = await Promise.all(batches.map((payload) => t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: auth, payload })));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 202 || s === 503)).toBe(true);
    expect(statuses).toContain(202);
    expect(statuses).toContain(503);
    for (const r of responses.filter((x) => x.statusCode === 503)) expect(r.headers['retry-after']).toBe('7');
    const accepted = responses.filter((r) => r.statusCode === 202).reduce((n, r) => n + r.json().accepted, 0);
    const stored = await t.db.database.db.selectFrom('mentions').select((eb) => eb.fn.countAll<number>().as('n')).where('source_id', '=', source.id).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(accepted);
  });
});
