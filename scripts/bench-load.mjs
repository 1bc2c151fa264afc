#!/usr/bin/env node
// Load test (not part of npm test): a real service process on PostgreSQL with MENTIONS (default 2 million)
// mentions seeded by generate_series, then DURATION seconds (default 30) of mixed traffic at once: pushes,
// dashboard reads (mention lists with filters, alerts, watchlists, /health) and websocket clients.
// Prints p50/p99 per route, errors (non-2xx other than shed 503s, counted apart), and the service's memory.
// Usage: npm run build && npm run bench:load [-- --mentions 2000000 --duration 30 --sockets 50]
// Uses BENCH_DATABASE_URL or postgres://root@127.0.0.1:5432 (creates and drops a scratch database).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { WebSocket } from 'ws';

const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(`--${k}`); return i >= 0 ? Number(args[i + 1]) : d; };
const MENTIONS = opt('mentions', 2_000_000), DURATION = opt('duration', 30), SOCKETS = opt('sockets', 50);
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432';
const dbName = `pilotfish_load_${Date.now().toString(36)}`;
const url = `${base}/${dbName}`;
const admin = new pg.Client({ connectionString: `${base}/postgres` });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);

const port = 3800 + Math.floor(Math.random() * 90);
const api = `http://127.0.0.1:${port}`;
const env = { ...process.env, DATABASE_URL: url, PORT: String(port), DEMO: 'false', LOG_LEVEL: 'warn', ADMIN_EMAIL: 'load@example.com', ADMIN_PASSWORD: 'load-bench-passphrase-77', COLLECTORS_ENABLED: 'false' };
let service = start();
function start() { return spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] }); }
async function waitUp() {
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${api}/health`)).ok) return; } catch { /* not up yet */ }
    if (i > 300) throw new Error('service did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}
await waitUp();
const call = async (method, path, token, body) => {
  const res = await fetch(api + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
};
const { token } = await call('POST', '/api/v1/auth/login', null, { email: 'load@example.com', password: 'load-bench-passphrase-77' });
const watchlists = [];
for (const [name, query] of [['ACME', 'acme'], ['Boycott', 'boycott* OR grève'], ['Breach', '"data breach" OR panne']]) watchlists.push((await call('POST', '/api/v1/watchlists', token, { name, query })).id);
const source = await call('POST', '/api/v1/sources', token, { kind: 'push', name: 'load' });

// Seed: MENTIONS rows over the last 30 days in one statement, then ANALYZE (as migrations do).
const seedStarted = Date.now();
const db = new pg.Client({ connectionString: url });
await db.connect();
await db.query(`INSERT INTO mentions (source_id, external_id, text, author, published_at, lang, sentiment, label, risk, watchlist_ids)
  SELECT $1, 'seed-' || g, 'ACME seeded mention number ' || g || CASE WHEN g % 7 = 0 THEN ' boycott panne' ELSE ' rien à signaler' END,
         '@user' || (g % 5000), now() - (g * interval '1 second') * (2592000.0 / $2), CASE WHEN g % 2 = 0 THEN 'fr' ELSE 'en' END,
         CASE WHEN g % 7 = 0 THEN -0.6 ELSE 0.1 END, CASE WHEN g % 7 = 0 THEN 'negative' WHEN g % 5 = 0 THEN 'positive' ELSE 'neutral' END,
         CASE WHEN g % 7 = 0 THEN 0.7 ELSE 0 END,
         CASE WHEN g % 3 = 0 THEN ARRAY[$3::uuid] WHEN g % 7 = 0 THEN ARRAY[$3::uuid, $4::uuid] ELSE ARRAY[]::uuid[] END
  FROM generate_series(1, $2) g`, [source.id, MENTIONS, watchlists[0], watchlists[1]]);
await db.query('ANALYZE');
await db.end();
const seedSeconds = (Date.now() - seedStarted) / 1000;

// Memory of the service process, sampled during the run (RSS from /proc).
const rss = () => { try { return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${service.pid}/status`, 'utf8'))[1]) / 1024; } catch { return NaN; } };
const memory = [];
const timings = new Map();
const errors = new Map();
let shed = 0;
const record = (route, ms, status) => {
  if (!timings.has(route)) timings.set(route, []);
  timings.get(route).push(ms);
  if (status === 503) shed++;
  else if (status < 200 || status >= 300) errors.set(`${route} ${status}`, (errors.get(`${route} ${status}`) ?? 0) + 1);
};
async function timed(route, method, path, body, auth = token) {
  const started = performance.now();
  let status = 0;
  try {
    const res = await fetch(api + path, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` }, body: body ? JSON.stringify(body) : undefined });
    status = res.status;
    await res.arrayBuffer();
  } catch { status = 0; }
  record(route, performance.now() - started, status);
}

const sockets = [];
let socketEvents = 0;
for (let i = 0; i < SOCKETS; i++) {
  const ws = new WebSocket(`${api.replace('http', 'ws')}/api/v1/stream`, { headers: { authorization: `Bearer ${token}` } });
  ws.on('message', () => { socketEvents++; });
  ws.on('error', () => undefined);
  sockets.push(ws);
}

const deadline = Date.now() + DURATION * 1000;
let batch = 0;
const since = new Date(Date.now() - 86400_000).toISOString();
const readers = [
  () => timed('GET /api/v1/mentions', 'GET', '/api/v1/mentions?limit=50'),
  () => timed('GET /api/v1/mentions?watchlist_id', 'GET', `/api/v1/mentions?limit=50&watchlist_id=${watchlists[batch % 3]}`),
  () => timed('GET /api/v1/mentions?label&since', 'GET', `/api/v1/mentions?limit=50&label=positive&since=${since}`),
  () => timed('GET /api/v1/mentions?source_id&label', 'GET', `/api/v1/mentions?limit=50&source_id=${source.id}&label=negative&watchlist_id=${watchlists[2]}`),
  () => timed('GET /api/v1/alerts', 'GET', '/api/v1/alerts?status=open'),
  () => timed('GET /api/v1/watchlists', 'GET', '/api/v1/watchlists'),
  () => timed('GET /health', 'GET', '/health'),
];
async function pusher() {
  while (Date.now() < deadline) {
    const b = batch++;
    const mentions = Array.from({ length: 200 }, (_, i) => ({ external_id: `load-${b}-${i}`, text: `ACME load ${b} ${i}: ${i % 5 ? 'tout va bien' : 'appel au boycott, panne générale'}` }));
    await timed('POST /api/v1/mentions', 'POST', '/api/v1/mentions', { mentions }, source.ingest_token);
  }
}
async function reader(k) {
  for (let i = k; Date.now() < deadline; i++) await readers[i % readers.length]();
}
const sampler = setInterval(() => memory.push(rss()), 1000);
await Promise.all([pusher(), pusher(), ...Array.from({ length: 6 }, (_, k) => reader(k))]);
clearInterval(sampler);
for (const ws of sockets) ws.terminate();

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
console.log(`seeded ${MENTIONS.toLocaleString('en')} mentions in ${seedSeconds.toFixed(1)} s; ${DURATION} s of load, ${SOCKETS} websocket clients (${socketEvents} events received)`);
console.log('route'.padEnd(40), 'n'.padStart(6), 'p50 ms'.padStart(9), 'p99 ms'.padStart(9));
for (const [route, xs] of timings) console.log(route.padEnd(40), String(xs.length).padStart(6), pct(xs, 50).toFixed(1).padStart(9), pct(xs, 99).toFixed(1).padStart(9));
console.log(`errors: ${errors.size === 0 ? 0 : JSON.stringify(Object.fromEntries(errors))}; shed with 503: ${shed}`);
const mem = memory.filter(Number.isFinite);
console.log(`service RSS MiB: start ${mem[0]?.toFixed(0)}, peak ${Math.max(...mem).toFixed(0)}, end ${mem.at(-1)?.toFixed(0)}`);

service.kill('SIGTERM');
await new Promise((r) => service.once('exit', r));
await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
await admin.end();
