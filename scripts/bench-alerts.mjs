#!/usr/bin/env node
// Alert latency benchmark (not a test). A service process on PostgreSQL, 1,000 websocket clients in a
// separate process, then bursts of negative mentions pushed through the API, each on its own watchlist.
// Prints p50/p99 latency from the start of the ingest request to each client's receipt of alert.raised,
// and whether every client received every event exactly once.
// Usage: npm run build && npm run bench:alerts [-- --clients 1000 --bursts 10]
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';

const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(`--${k}`); return i >= 0 ? Number(args[i + 1]) : d; };
const CLIENTS = opt('clients', 1000), BURSTS = opt('bursts', 10);
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432';
const dbName = `pilotfish_bench_alerts_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: `${base}/postgres` });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);

const port = 3800 + Math.floor(Math.random() * 90);
const env = { ...process.env, DATABASE_URL: `${base}/${dbName}`, PORT: String(port), DEMO: 'false', LOG_LEVEL: 'warn', COLLECTORS_ENABLED: 'false',
  ADMIN_EMAIL: 'bench@example.com', ADMIN_PASSWORD: 'bench-password-123', SIGNALS_RATE_LIMIT_PER_HOUR: '100000' };
const service = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
const api = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try { if ((await fetch(`${api}/health`)).ok) break; } catch { /* starting */ }
  if (i > 150) throw new Error('service did not start');
  await new Promise((r) => setTimeout(r, 200));
}
const call = async (method, path, token, body) => {
  const res = await fetch(api + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
};
const { token } = await call('POST', '/api/v1/auth/login', null, { email: 'bench@example.com', password: 'bench-password-123' });
// Ten crisis users share the 1,000 connections (creating 1,000 scrypt-hashed users would measure hashing).
const tokens = [];
for (let i = 0; i < 10; i++) {
  await call('POST', '/api/v1/users', token, { email: `crisis${i}@example.com`, name: `Crisis ${i}`, role: 'crisis', password: 'crisis-password-123' });
  tokens.push((await call('POST', '/api/v1/auth/login', null, { email: `crisis${i}@example.com`, password: 'crisis-password-123' })).token);
}
// The default policy notifies on the stream only, so email/webhook timing does not enter the figure.
await call('POST', '/api/v1/escalation-policies', token, { name: 'stream only', is_default: true, steps: [{ delay_minutes: 0, targets: [{ role: 'crisis' }], channels: ['ws'] }] });
const watchlists = [];
for (let b = 0; b < BURSTS; b++) watchlists.push((await call('POST', '/api/v1/watchlists', token, { name: `Brand ${b}`, query: `marque${b}` })).id);
const source = await call('POST', '/api/v1/sources', token, { kind: 'push', name: 'bench' });

const clients = fork(new URL('./bench-alerts-clients.mjs', import.meta.url).pathname, [JSON.stringify({ url: `ws://127.0.0.1:${port}/api/v1/stream`, tokens, count: CLIENTS })]);
const ready = once(clients, 'message');
const [first] = await ready;
if (first.type !== 'ready') throw new Error(`clients: ${JSON.stringify(first)}`);
console.log(`${CLIENTS} websocket clients connected`);

const sentAt = new Map();
for (let b = 0; b < BURSTS; b++) {
  const mentions = Array.from({ length: 30 }, (_, i) => ({ external_id: `b${b}-${i}`, lang: 'fr', text: `Scandale marque${b} : intoxication, rappel produit et appel au boycott, plainte déposée (${i})` }));
  sentAt.set(watchlists[b], Date.now());
  await call('POST', '/api/v1/mentions', source.ingest_token, { mentions });
  await new Promise((r) => setTimeout(r, 1500));
}
await new Promise((r) => setTimeout(r, 2000));
clients.send({ type: 'report' });
const [report] = await once(clients, 'message');
clients.send({ type: 'exit' });

const latencies = [];
let incomplete = 0, duplicates = 0, raisedEvents = 0;
for (const e of report.events) {
  duplicates += e.duplicates;
  if (e.clients !== CLIENTS) incomplete++;
  if (e.type !== 'alert.raised') continue;
  raisedEvents++;
  const t0 = sentAt.get(e.watchlist);
  if (t0) for (const t of e.times) latencies.push(t - t0);
}
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
console.log(`events received: ${report.events.length} (${raisedEvents} alert.raised); deliveries: ${report.events.reduce((n, e) => n + e.times.length, 0)}`);
console.log(`alert.raised latency from ingest request to client receipt: p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${latencies.at(-1)} ms (${latencies.length} receipts)`);
console.log(`events not received by every client: ${incomplete}; duplicate receipts: ${duplicates}`);
service.kill('SIGTERM');
await once(service, 'exit');
await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
await admin.end();
