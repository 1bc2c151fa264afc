// Issue 11 rows 4, 5, 6, 9, 12, 13, 15 and 16: the access-control gaps, each against the real database.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { openDatabase } from '../../src/db/index.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createServices } from '../../src/services.js';
import { candidate, createWatchlist } from '../support/alerts.js';
import { createTestApp, createUser, TEST_ENV, type TestApp, type TestUser } from '../support/app.js';
import { isPostgres } from '../support/database.js';
import { listen, openStream } from '../support/live.js';

let t: TestApp;
let admin: TestUser;
let base: string;
const logLines: string[] = [];

beforeAll(async () => {
  // The production logger (createLogger), writing into memory: row 6 reads what it wrote.
  const sink = new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } });
  t = await createTestApp({ 'auth.login_rate_limit_per_minute': 4 });
  const logger = createLogger({ log_level: 'info' as never, log_pretty: false }, {}, sink);
  const app = await buildApp({ config: t.config, database: t.db.database, logger, metrics: createMetrics(), services: t.services, resolveIngestToken: t.services.resolveIngestToken });
  base = await listen(app);
  const close = t.close;
  t = { ...t, app, close: async () => { await app.close(); await close(); } };
  admin = await createUser(t, 'admin');
});
afterAll(async () => t?.close());

async function login(user: TestUser): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: user.password }) });
  expect(res.status).toBe(200);
  return /pf_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
}

function streamWithCookie(cookie: string, origin: string): Promise<{ status: number | 'open'; socket?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/v1/stream`, { headers: { cookie: `pf_session=${cookie}`, origin } });
    socket.once('open', () => resolve({ status: 'open', socket }));
    socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    socket.once('error', reject);
  });
}

describe('row 4: incidents', () => {
  it('PATCH with only add_alert_ids attaches the alerts', async () => {
    const crisis = await createUser(t, 'crisis');
    const wl = await createWatchlist(t, admin);
    const alert = await t.services.alerts.raise(wl, candidate());
    const incident = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: crisis.auth, payload: { title: 'Outage', alert_ids: [] } });
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${incident.json().id}`, headers: crisis.auth, payload: { add_alert_ids: [alert!.id] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().alert_ids).toEqual([alert!.id]);
  });
});

describe('row 5: access changes close open sockets', () => {
  it.each([['disabled', { disabled: true }], ['demoted', { role: 'ambassador' }]])('a %s user loses their stream at once', async (_what, patch) => {
    const crisis = await createUser(t, 'crisis');
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/v1/stream`, { headers: { authorization: `Bearer ${crisis.token}` } });
    await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${crisis.id}`, headers: admin.auth, payload: patch });
    expect(res.statusCode).toBe(200);
    expect(await closed).toBe(4401);
  });
});

describe('row 6: tokens never reach a log line', () => {
  it('redacts ?token= from request logs', async () => {
    const crisis = await createUser(t, 'crisis');
    const stream = await openStream(base, crisis.token, { via: 'query' });
    await stream.close();
    await fetch(`${base}/api/v1/alerts?token=${crisis.token}`, { headers: { authorization: `Bearer ${crisis.token}` } });
    const text = logLines.join('');
    expect(text).toContain('/api/v1/stream?token=[redacted]');
    expect(text).not.toContain(crisis.token);
  });
});

describe('row 9: origin checks include the scheme', () => {
  it('refuses a websocket upgrade with the session cookie from a foreign origin', async () => {
    const crisis = await createUser(t, 'crisis');
    const cookie = await login(crisis);
    expect((await streamWithCookie(cookie, 'https://evil.example')).status).toBe(403);
    expect((await streamWithCookie(cookie, base.replace('http:', 'https:'))).status).toBe(403);
    const ok = await streamWithCookie(cookie, base);
    expect(ok.status).toBe('open');
    ok.socket!.close();
  });

  it('refuses a cookie-authenticated write whose Origin differs only by scheme', async () => {
    const crisis = await createUser(t, 'crisis');
    const cookie = await login(crisis);
    const write = (origin: string) => fetch(`${base}/api/v1/watchlists`, { method: 'POST', headers: { cookie: `pf_session=${cookie}`, origin, 'content-type': 'application/json' }, body: JSON.stringify({ name: `o-${origin.length}-${Math.random()}`, query: 'acme' }) });
    expect((await write(base.replace('http:', 'https:'))).status).toBe(403);
    expect((await write(base)).status).toBe(201);
  });
});

describe('row 12: logout', () => {
  it('ends the cookie session even when a Basic Authorization header is sent along', async () => {
    const user = await createUser(t, 'comms');
    const cookie = await login(user);
    const out = await fetch(`${base}/api/v1/auth/logout`, { method: 'POST', headers: { cookie: `pf_session=${cookie}`, origin: base, authorization: 'Basic dXNlcjpwYXNz' } });
    expect(out.status).toBe(204);
    const me = await fetch(`${base}/api/v1/auth/me`, { headers: { cookie: `pf_session=${cookie}` } });
    expect(me.status).toBe(401);
  });
});

describe('row 13: password strength', () => {
  it.each(['          ', 'password1234', 'azertyuiop', '1234567890', 'aaaaaaaaaaaa', 'motdepasse123'])('refuses %j with 400 naming password', async (password) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.auth, payload: { email: `weak-${Math.random().toString(36).slice(2)}@example.test`, name: 'Weak', role: 'comms', password } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('password');
  });
  it('accepts a passphrase', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.auth, payload: { email: `strong-${Math.random().toString(36).slice(2)}@example.test`, name: 'Strong', role: 'comms', password: 'correct horse battery staple' } });
    expect(res.statusCode).toBe(201);
  });
});

describe('row 16: leftovers', () => {
  it('ambassadors see watchlist names, not queries or risk terms', async () => {
    await createWatchlist(t, admin, 'secret AND query');
    const amb = await createUser(t, 'ambassador');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/watchlists', headers: amb.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    for (const w of res.json().items) { expect(w.name).toBeTruthy(); expect(w.query).toBeUndefined(); expect(w.risk_terms).toBeUndefined(); }
    const asAdmin = await t.app.inject({ method: 'GET', url: '/api/v1/watchlists', headers: admin.auth });
    expect(asAdmin.json().items[0].query).toBeDefined();
  });

  it('refuses an unknown user_id as a policy target', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin.auth, payload: { name: 'ghost', steps: [{ delay_minutes: 0, targets: [{ user_id: '00000000-0000-4000-8000-000000000000' }], channels: ['email'] }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('steps[0].targets[0].user_id');
  });

  it('documents the websocket stream in /docs', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.paths['/api/v1/stream']).toBeDefined();
  });
});

describe('row 15: login rate limit shared by instances', () => {
  it.runIf(isPostgres())('counts attempts on both instances against one limit', async () => {
    const config = loadConfig({ ...TEST_ENV }, { 'auth.login_rate_limit_per_minute': 4 });
    const database = await openDatabase({ databaseUrl: t.db.url!, poolSize: 2 });
    const services = createServices({ config, database, logger: pino({ level: 'silent' }), metrics: createMetrics() });
    const second = await buildApp({ config, database, logger: pino({ level: 'silent' }), metrics: createMetrics(), services });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const app = i % 2 === 0 ? t.app : second;
        statuses.push((await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.8.7', payload: { email: 'nobody@example.test', password: 'wrong-password-here' } })).statusCode);
      }
      expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
      expect(statuses.slice(4)).toEqual([429, 429]);
    } finally {
      await second.close();
      await database.close();
    }
  });
});
