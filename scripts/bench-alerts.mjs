#!/usr/bin/env node
// Alert latency benchmark (not a test). Five runs; each starts a fresh service process on a fresh
// PostgreSQL database, connects 1,000 websocket clients from a separate process, then (1) pushes bursts
// of negative mentions through the API, each on its own watchlist, and (2) posts critical ambassador
// signals (POST /api/v1/signals), each on its own watchlist. The first alert after start counts like any
// other. Prints, per run and path, p50/p99 latency from the start of the request to each client's receipt
// of alert.raised, and whether every client received every event exactly once; then each run's p99.
// Usage: npm run build && npm run bench:alerts [-- --clients 1000 --bursts 10 --signals 10 --runs 5]
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';

const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(`--${k}`); return i >= 0 ? Number(args[i + 1]) : d; };
const CLIENTS = opt('clients', 1000), BURSTS = opt('bursts', 10), SIGNALS = opt('signals', 10), RUNS = opt('runs', 5);
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432';

const admin = new pg.Client({ connectionString: `${base}/postgres` });
await admin.connect();
const p99s = [];
let allLost = 0, allDuplicates = 0;
for (let run = 1; run <= RUNS; run++) {
  const r = await runOnce(run);
  p99s.push(r.p99);
  allLost += r.lost;
  allDuplicates += r.duplicates;
}
console.log(`p99 per run (bursts and signals, first alert after start included): ${p99s.map((p) => `${p} ms`).join(', ')}; runs under 100 ms: ${p99s.filter((p) => p < 100).length}/${RUNS}; lost ${allLost}, duplicated ${allDuplicates}`);
await admin.end();

async function runOnce(run) {
const dbName = `pilotfish_bench_alerts_${Date.now().toString(36)}`;
await admin.query(`CREATE DATABASE ${dbName}`);

const port = 3800 + Math.floor(Math.random() * 90);
const env = { ...process.env, DATABASE_URL: `${base}/${dbName}`, PORT: String(port), DEMO: 'false', LOG_LEVEL: 'warn', COLLECTORS_ENABLED: 'false',
  ADMIN_EMAIL: 'bench@example.com', ADMIN_PASSWORD: 'bench-password-123', AUTH_LOGIN_RATE_LIMIT_PER_MINUTE: '1000' };
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
const signalWatchlists = [];
for (let s = 0; s < SIGNALS; s++) signalWatchlists.push((await call('POST', '/api/v1/watchlists', token, { name: `Signal ${s}`, query: `signalbrand${s}` })).id);
// Ambassadors report the signals (one each: the per-user rate limit is not what is measured).
const ambassadors = [];
for (let s = 0; s < SIGNALS; s++) {
  await call('POST', '/api/v1/users', token, { email: `amb${s}@example.com`, name: `Ambassador ${s}`, role: 'ambassador', password: 'ambassador-password-123' });
  ambassadors.push((await call('POST', '/api/v1/auth/login', null, { email: `amb${s}@example.com`, password: 'ambassador-password-123' })).token);
}
const source = await call('POST', '/api/v1/sources', token, { kind: 'push', name: 'bench' });

const clients = fork(new URL('./bench-alerts-clients.mjs', import.meta.url).pathname, [JSON.stringify({ url: `ws://127.0.0.1:${port}/api/v1/stream`, tokens, count: CLIENTS })]);
const ready = once(clients, 'message');
const [first] = await ready;
if (first.type !== 'ready') throw new Error(`clients: ${JSON.stringify(first)}`);
console.log(`${CLIENTS} websocket clients connected`);

// Burst 0 is the first alert after start: it counts like the others.
const sentAt = new Map();
for (let b = 0; b < BURSTS; b++) {
  const mentions = Array.from({ length: 30 }, (_, i) => ({ external_id: `b${b}-${i}`, lang: 'fr', text: `Scandale marque${b} : intoxication, rappel produit et appel au boycott, plainte déposée (${i})` }));
  sentAt.set(watchlists[b], Date.now());
  await call('POST', '/api/v1/mentions', source.ingest_token, { mentions });
  await new Promise((r) => setTimeout(r, 1500));
}
for (let s = 0; s < SIGNALS; s++) {
  sentAt.set(signalWatchlists[s], Date.now());
  await call('POST', '/api/v1/signals', ambassadors[s], { text: `Intoxication signalée chez signalbrand${s}, des clients hospitalisés`, severity: 'critical', channel: 'twitter', watchlist_id: signalWatchlists[s] });
  await new Promise((r) => setTimeout(r, 1500));
}
await new Promise((r) => setTimeout(r, 2000));
clients.send({ type: 'report' });
const [report] = await once(clients, 'message');
clients.send({ type: 'exit' });

const bursts = [], signals = [];
let incomplete = 0, duplicates = 0, raisedEvents = 0;
const raisedFor = new Set();
for (const e of report.events) {
  duplicates += e.duplicates;
  if (e.clients !== CLIENTS) incomplete++;
  if (e.type !== 'alert.raised') continue;
  raisedEvents++;
  raisedFor.add(e.watchlist);
  const t0 = sentAt.get(e.watchlist);
  if (t0) for (const t of e.times) (signalWatchlists.includes(e.watchlist) ? signals : bursts).push(t - t0);
}
const missing = [...watchlists, ...signalWatchlists].filter((w) => !raisedFor.has(w)).length;
if (process.env.BENCH_DEBUG) {
  for (const e of report.events.filter((x) => x.type === 'alert.raised')) {
    const t0 = sentAt.get(e.watchlist);
    const ts = e.times.map((t) => t - t0).sort((a, b) => a - b);
    console.log(`  event ${e.id} ${signalWatchlists.includes(e.watchlist) ? 'signal' : 'burst'}: first ${ts[0]} ms, last ${ts.at(-1)} ms`);
  }
}
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const all = [...bursts, ...signals].sort((a, b) => a - b);
bursts.sort((a, b) => a - b);
signals.sort((a, b) => a - b);
console.log(`run ${run}: ${raisedEvents} alert.raised over ${report.events.length} events, ${report.events.reduce((n, e) => n + e.times.length, 0)} deliveries; watchlists without an alert: ${missing}`);
console.log(`  bursts  → alert.raised: p50 ${pct(bursts, 0.5)} ms, p99 ${pct(bursts, 0.99)} ms, max ${bursts.at(-1)} ms (${bursts.length} receipts; first alert after start: ${bursts.length ? 'included' : 'none'})`);
console.log(`  signals → alert.raised: p50 ${pct(signals, 0.5)} ms, p99 ${pct(signals, 0.99)} ms, max ${signals.at(-1)} ms (${signals.length} receipts)`);
console.log(`  all: p99 ${pct(all, 0.99)} ms; events not received by every client: ${incomplete}; duplicate receipts: ${duplicates}`);
service.kill('SIGTERM');
await once(service, 'exit');
await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
return { p99: pct(all, 0.99), lost: incomplete + missing, duplicates };
}
