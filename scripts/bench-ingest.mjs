#!/usr/bin/env node
// Ingest benchmark (not a test). Part 1: push mentions through the HTTP API of a real service process
// (scoring on, 3 watchlists) into PostgreSQL, then COPY the same rows into a scratch table on the same
// server, and print mentions/s, COPY rows/s and their ratio. Part 2: poll 1,000 feeds from a local HTTP
// server twice (the second time answered 304) and print both cycle times and peak memory.
// Usage: npm run build && npm run bench:ingest [-- --mentions 100000 --batch 5000 --concurrency 3 --feeds 1000]
// Uses BENCH_DATABASE_URL or postgres://root@127.0.0.1:5432 (creates and drops a scratch database).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(`--${k}`); return i >= 0 ? Number(args[i + 1]) : d; };
const N = opt('mentions', 100_000), BATCH = opt('batch', 5000), CONC = opt('concurrency', 3), FEEDS = opt('feeds', 1000);
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432';
const dbName = `pilotfish_bench_${Date.now().toString(36)}`;
const url = `${base}/${dbName}`;

const admin = new pg.Client({ connectionString: `${base}/postgres` });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
if (args.includes('--feeds-only')) {
  await pollFeeds(url);
  await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
  await admin.end();
  process.exit(0);
}

const fr = ['Encore une panne chez ACME, service client nul', 'ACME propose une belle offre, top !', 'Appel au boycott de ACME après le scandale', 'Je ne suis pas du tout satisfait de ACME', 'Grève annoncée dans les entrepôts ACME demain', 'Merci ACME pour la réactivité, vraiment génial'];
const en = ['ACME support is terrible, worst experience ever', 'Loving the new ACME app, great job', 'Data breach at ACME? customers are furious', 'ACME shipped my order early, thanks!', 'Not impressed by the ACME keynote', 'ACME recall announced for batch 42'];
const texts = Array.from({ length: N }, (_, i) => `${(i % 2 ? fr : en)[i % 6]} #${i % 97} (${i})`);
const now = Date.now();
const mentions = texts.map((text, i) => ({ external_id: `bench-${i}`, text, author: `@user${i % 500}`, published_at: new Date(now - (N - i) * 10).toISOString() }));

const port = 3900 + Math.floor(Math.random() * 90);
const env = { ...process.env, DATABASE_URL: url, PORT: String(port), DEMO: 'false', LOG_LEVEL: 'warn', ADMIN_EMAIL: 'bench@example.com', ADMIN_PASSWORD: 'bench-password-123', COLLECTORS_ENABLED: 'false', INGEST_MAX_CONCURRENT_REQUESTS: '64' };
const service = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), 'dist/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
const api = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try { if ((await fetch(`${api}/health`)).ok) break; } catch { /* not up yet */ }
  if (i > 100) throw new Error('service did not start');
  await new Promise((r) => setTimeout(r, 200));
}
const call = async (method, path, token, body) => {
  const res = await fetch(api + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
};
const { token } = await call('POST', '/api/v1/auth/login', null, { email: 'bench@example.com', password: 'bench-password-123' });
for (const [name, query] of [['ACME', 'acme'], ['Boycott', 'boycott* OR grève OR strike'], ['Breach', '"data breach" OR panne']]) await call('POST', '/api/v1/watchlists', token, { name, query });
const source = await call('POST', '/api/v1/sources', token, { kind: 'push', name: 'bench' });

// Part 1a: HTTP ingest.
const batches = [];
for (let i = 0; i < N; i += BATCH) batches.push(mentions.slice(i, i + BATCH));
let next = 0, accepted = 0;
const t0 = performance.now();
await Promise.all(Array.from({ length: CONC }, async () => {
  while (next < batches.length) {
    const b = batches[next++];
    for (;;) {
      const res = await fetch(`${api}/api/v1/mentions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${source.ingest_token}` }, body: JSON.stringify({ mentions: b }) });
      if (res.status === 503) { await new Promise((r) => setTimeout(r, 100)); continue; }
      accepted += (await res.json()).accepted;
      break;
    }
  }
}));
const ingestSeconds = (performance.now() - t0) / 1000;
service.kill('SIGTERM');
await once(service, 'exit');

// Part 1b: COPY the same stored rows into a scratch table with the same structure (three times, fresh
// table each time; the median is the baseline, since one COPY on this shared machine is noisy).
const client = new pg.Client({ connectionString: url });
await client.connect();
const rows = (await client.query('SELECT source_id, external_id, text, author, url, published_at, lang, sentiment, label, risk, risk_terms, watchlist_ids FROM mentions')).rows;
const esc = (v) => (v === null ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));
const arr = (a) => `{${a.map((x) => `"${String(x).replace(/"/g, '\\\\"')}"`).join(',')}}`;
const lines = rows.map((r) => [r.source_id, `copy-${r.external_id}`, r.text, r.author, r.url, r.published_at.toISOString(), r.lang, r.sentiment, r.label, r.risk, arr(r.risk_terms), arr(r.watchlist_ids)].map((v, i) => (i >= 10 ? v : esc(v))).join('\t') + '\n');
const copyRuns = [];
for (let run = 0; run < 3; run++) {
  await client.query('DROP TABLE IF EXISTS bench_copy');
  await client.query('CREATE TABLE bench_copy (LIKE mentions INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING INDEXES)');
  const t1 = performance.now();
  await pipeline(Readable.from(lines), client.query(copyFrom('COPY bench_copy (source_id, external_id, text, author, url, published_at, lang, sentiment, label, risk, risk_terms, watchlist_ids) FROM STDIN')));
  copyRuns.push((performance.now() - t1) / 1000);
}
copyRuns.sort((a, b) => a - b);
const copySeconds = copyRuns[1];
await client.end();

const ingestRate = accepted / ingestSeconds, copyRate = rows.length / copySeconds;
console.log(`ingest: ${accepted} mentions in ${ingestSeconds.toFixed(2)} s → ${Math.round(ingestRate)} mentions/s (HTTP, JSON, scoring, 3 watchlists, batches of ${BATCH}, ${CONC} concurrent)`);
console.log(`copy:   ${rows.length} rows in ${copySeconds.toFixed(2)} s → ${Math.round(copyRate)} rows/s (median of 3: ${copyRuns.map((s) => Math.round(rows.length / s)).join(', ')} rows/s)`);
console.log(`ratio ingest/copy: ${(ingestRate / copyRate).toFixed(2)}`);

// Part 2 runs in a fresh process, so its memory figure is the poller's, not this script's 100k mentions.
const child = spawn(process.execPath, [new URL(import.meta.url).pathname, '--feeds-only', '--feeds', String(FEEDS)], { stdio: 'inherit', env: process.env });
await once(child, 'exit');
await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
await admin.end();

// Part 2: poll FEEDS feeds twice from a local server (second poll: 304 Not Modified), with the default
// collector configuration (2 concurrent fetches per host: all feeds here share one host).
async function pollFeeds(url) {
const now = Date.now();
const feedXml = (n) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title>${Array.from({ length: 20 }, (_, i) => `<item><title>ACME news ${n}-${i}</title><link>http://127.0.0.1/f${n}/${i}</link><guid>f${n}-${i}</guid><pubDate>${new Date(now - i * 60000).toUTCString()}</pubDate><description>Une grève chez ACME, item ${i}</description></item>`).join('')}</channel></rss>`;
let served = 0, notModified = 0;
const feedServer = createServer((req, res) => {
  const n = Number(req.url.slice(2));
  if (req.headers['if-none-match'] === `"f${n}"`) { notModified++; res.writeHead(304).end(); return; }
  served++;
  res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"f${n}"` }).end(feedXml(n));
});
await new Promise((r) => feedServer.listen(0, '127.0.0.1', r));
const feedPort = feedServer.address().port;
process.env.DATABASE_URL = url;
process.env.COLLECTORS_ALLOW_HOSTS = '127.0.0.1';
process.env.LOG_LEVEL = 'warn';
const { loadConfig } = await import('../dist/config/index.js');
const { openDatabase, migrate } = await import('../dist/db/index.js');
const { createServices } = await import('../dist/services.js');
const { createMetrics } = await import('../dist/observability/metrics.js');
const { pino } = await import('pino');
const config = loadConfig(process.env);
const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
await migrate(database);
const services = createServices({ config, database, logger: pino({ level: 'warn' }), metrics: createMetrics() });
const db = database.db;
await db.insertInto('sources').values(Array.from({ length: FEEDS }, (_, n) => ({ kind: 'rss', name: `feed ${n}`, url: `http://127.0.0.1:${feedPort}/f${n}`, poll_interval_seconds: 300, next_check_at: new Date(0) }))).execute();
let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
const cycle = async () => {
  const t = performance.now();
  const outcomes = await services.poller.tick(new Date());
  return { seconds: (performance.now() - t) / 1000, polled: outcomes.length, ok: outcomes.filter((o) => o.ok).length, accepted: outcomes.reduce((n, o) => n + o.accepted, 0) };
};
const first = await cycle();
await db.updateTable('sources').set({ next_check_at: new Date(0) }).where('kind', '=', 'rss').execute();
const second = await cycle();
clearInterval(sampler);
console.log(`feeds cycle 1: ${first.polled} feeds (${first.ok} ok, ${served} full responses, ${first.accepted} mentions) in ${first.seconds.toFixed(1)} s`);
console.log(`feeds cycle 2: ${second.polled} feeds (${second.ok} ok, ${notModified} answered 304, ${second.accepted} new mentions) in ${second.seconds.toFixed(1)} s`);
console.log(`peak process memory during polling: ${Math.round(peakRss / 1048576)} MB`);
await database.close();
feedServer.close();
}
