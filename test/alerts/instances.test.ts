// Several instances on one PostgreSQL: one alert per episode, one delivery per step, events on every
// instance's sockets; and a process killed mid-escalation resumes after restart, firing the next step once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { openDatabase, type Database } from '../../src/db/index.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createServices, type Services } from '../../src/services.js';
import { TEST_ENV, createUser } from '../support/app.js';
import { candidate } from '../support/alerts.js';
import { createTestDatabase, isPostgres, type TestDatabase } from '../support/database.js';
import { listen, openStream, waitUntil } from '../support/live.js';
import { startWebhookReceiver, type TestWebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = 'instances-secret-0123456789abcdef';

describe.runIf(isPostgres())('two instances on one database', () => {
  let tdb: TestDatabase;
  let receiver: TestWebhookReceiver;
  const instances: { database: Database; services: Services; close: () => Promise<void>; base: string }[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    receiver = await startWebhookReceiver({ secret: SECRET });
    for (let i = 0; i < 2; i++) {
      const config = loadConfig({ ...TEST_ENV, DATABASE_URL: tdb.url!, ALERTS_WEBHOOK_SECRET: SECRET });
      const logger = pino({ level: 'silent' });
      const database = await openDatabase({ databaseUrl: tdb.url!, poolSize: 5 });
      const metrics = createMetrics();
      const services = createServices({ config, database, logger, metrics });
      const app = await buildApp({ config, database, logger, metrics, services, resolveIngestToken: services.resolveIngestToken });
      await services.start();
      const base = await listen(app);
      instances.push({ database, services, base, close: async () => { await app.close(); await services.stop(); await database.close(); } });
    }
  });
  afterAll(async () => {
    for (const i of instances) await i.close();
    await receiver?.stop();
    await tdb?.drop();
  });

  it('raise once, deliver each step once, and stream the events on both instances', async () => {
    const [a, b] = instances as [typeof instances[0], typeof instances[0]];
    const admin = await createUser(a, 'admin');
    const crisis = await createUser(a, 'crisis');
    const wl = await a.services.watchlists.create({ id: admin.id, label: admin.email, role: 'admin' }, { name: 'Shared', query: 'shared' });
    await a.services.policies.create({ id: admin.id, label: admin.email, role: 'admin' }, { name: 'hooks', watchlist_id: wl.id, steps: [
      { delay_minutes: 0, targets: [{ webhook_url: receiver.url }], channels: ['webhook'] },
      { delay_minutes: 0.01, targets: [{ webhook_url: receiver.url }], channels: ['webhook'] },
    ] });
    const onA = await openStream(a.base, crisis.token);
    const onB = await openStream(b.base, crisis.token);
    try {
      const c = candidate();
      const results = await Promise.all([a.services.alerts.raise(wl.id, c), b.services.alerts.raise(wl.id, c), a.services.alerts.raise(wl.id, c), b.services.alerts.raise(wl.id, c)]);
      const created = results.filter(Boolean);
      expect(created).toHaveLength(1);
      const id = created[0]!.id;
      await onA.waitFor((m) => m.type === 'alert.raised' && m.data.id === id);
      await onB.waitFor((m) => m.type === 'alert.raised' && m.data.id === id);
      // Both instances tick timers and the outbox concurrently, several times.
      await new Promise((r) => setTimeout(r, 800));
      for (let i = 0; i < 5; i++) {
        await Promise.all([a.services.alerts.tick(), b.services.alerts.tick(), a.services.outbox.tick(), b.services.outbox.tick()]);
        await new Promise((r) => setTimeout(r, 100));
      }
      await waitUntil(async () => receiver.requests.length >= 2);
      await new Promise((r) => setTimeout(r, 300));
      const byDelivery = receiver.requests.map((r) => r.headers['x-pilotfish-delivery']);
      expect(byDelivery.sort()).toEqual([`alert:${id}:0.0:webhook:${receiver.url}`, `alert:${id}:0.1:webhook:${receiver.url}`]);
      await onB.waitFor((m) => m.type === 'alert.raised' && m.data.id === id);
      expect(onA.messages.filter((m) => m.data.id === id && m.type === 'alert.raised')).toHaveLength(1);
      expect(onB.messages.filter((m) => m.data.id === id && m.type === 'alert.raised')).toHaveLength(1);
    } finally {
      await onA.close();
      await onB.close();
    }
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe.runIf(isPostgres())('a process killed in the middle of an escalation', () => {
  let tdb: TestDatabase;
  let receiver: TestWebhookReceiver;
  let child: ChildProcess | null = null;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    receiver = await startWebhookReceiver({ secret: SECRET });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await receiver?.stop();
    await tdb?.drop();
  });

  async function start(port: number): Promise<ChildProcess> {
    const env = { ...process.env, ...TEST_ENV, DATABASE_URL: tdb.url!, PORT: String(port), HOST: '127.0.0.1', ALERTS_TICK_SECONDS: '1',
      ALERTS_WEBHOOK_SECRET: SECRET, OUTBOX_LEASE_SECONDS: '5', ADMIN_EMAIL: 'kill@example.test', ADMIN_PASSWORD: 'kill-test-password', LOG_LEVEL: 'warn', COLLECTORS_ENABLED: 'false' };
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    proc.stderr?.on('data', () => undefined);
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok).catch(() => false)), 30_000, 200);
    return proc;
  }

  it('fires the next step once after restart', async () => {
    const port = await freePort();
    child = await start(port);
    const base = `http://127.0.0.1:${port}`;
    const login = await (await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'kill@example.test', password: 'kill-test-password' }) })).json() as { token: string };
    const auth = { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' };
    const wl = await (await fetch(`${base}/api/v1/watchlists`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'Kill', query: 'dupont' }) })).json() as { id: string };
    await fetch(`${base}/api/v1/escalation-policies`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'p', watchlist_id: wl.id, steps: [
      { delay_minutes: 0, targets: [{ webhook_url: receiver.url }], channels: ['webhook'] },
      { delay_minutes: 0.1, targets: [{ webhook_url: receiver.url }], channels: ['webhook'] },
    ] }) });
    const source = await (await fetch(`${base}/api/v1/sources`, { method: 'POST', headers: auth, body: JSON.stringify({ kind: 'push', name: 'p' }) })).json() as { ingest_token: string };
    const mentions = Array.from({ length: 24 }, (_, i) => ({ external_id: `k${i}`, text: `Scandale Dupont, intoxication et appel au boycott, plainte déposée ${i}`, lang: 'fr' }));
    await fetch(`${base}/api/v1/mentions`, { method: 'POST', headers: { authorization: `Bearer ${source.ingest_token}`, 'content-type': 'application/json' }, body: JSON.stringify({ mentions }) });
    // Wait until the first step of every alert is delivered and no later step has run yet (due 6 s after).
    const db = tdb.database.db;
    await waitUntil(async () => {
      const rows = await db.selectFrom('notifications').select(['status', 'step_index']).execute();
      return rows.length > 0 && rows.every((r) => r.step_index === 0 && r.status === 'sent');
    }, 15_000, 100);
    // Killed between step 0 and step 1: no graceful shutdown, nothing in memory survives.
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    const alertIds = (await db.selectFrom('alerts').select('id').execute()).map((a) => a.id);
    expect(alertIds.length).toBeGreaterThan(0);
    child = await start(port);
    const stepOf = (d: unknown, id: string, step: string) => String(d).startsWith(`alert:${id}:${step}:`);
    await waitUntil(async () => alertIds.every((id) => receiver.requests.some((r) => stepOf(r.headers['x-pilotfish-delivery'], id, '0.1'))), 30_000, 250);
    await new Promise((r) => setTimeout(r, 3000));
    const deliveries = receiver.requests.map((r) => r.headers['x-pilotfish-delivery']);
    for (const id of alertIds) {
      expect(deliveries.filter((d) => stepOf(d, id, '0.0'))).toHaveLength(1);
      expect(deliveries.filter((d) => stepOf(d, id, '0.1'))).toHaveLength(1);
    }
  }, 90_000);
});
