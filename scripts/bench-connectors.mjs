#!/usr/bin/env node
// Stream connector benchmark (not a test). A local relay speaking Jetstream's format sends at least 5,000
// events/s (every collection, about 45 % posts; it does not filter by wantedCollections, so the connector
// reads them all) for 60 s to a real service process (dist/main.js, scoring on) that holds one Bluesky source
// and 200 watchlists. Prints events/s read by the service, the p95 relay→stored lag (mention collected_at −
// the event's time_us), whether lag grew (p95 of the first vs the last third), the service's CPU and memory.
// Usage: npm run build && npm run bench:connectors [-- --rate 5000 --seconds 60 --watchlists 200]
// Uses BENCH_DATABASE_URL or postgres://root@127.0.0.1:5432 (creates and drops a scratch database).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import { WebSocketServer } from 'ws';

const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(`--${k}`); return i >= 0 ? Number(args[i + 1]) : d; };
const RATE = opt('rate', 5000), SECONDS = opt('seconds', 60), WATCHLISTS = opt('watchlists', 200);
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432';
const dbName = `pilotfish_bench_${Date.now().toString(36)}`;
const url = `${base}/${dbName}`;
const admin = new pg.Client({ connectionString: `${base}/postgres` });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);

// --- the relay -------------------------------------------------------------------------------------------
const words = readFileSync(new URL('../node_modules/natural/lib/natural/util/stopwords.js', import.meta.url), 'utf8').match(/'([a-z]{3,})'/g).map((w) => w.slice(1, -1));
const vocabulary = [...words, 'service', 'delivery', 'price', 'store', 'phone', 'update', 'weekend', 'coffee', 'music', 'travel', 'football', 'weather', 'election', 'movie', 'launch', 'customer', 'support', 'quality', 'morning', 'concert'];
const brands = Array.from({ length: WATCHLISTS }, (_, i) => `brand${i}x`);
const risk = ['strike', 'recall', 'boycott', 'outage', 'breach', 'lawsuit', 'scandal', 'layoffs'];
let seed = 42; // mulberry32: a reproducible stream
const rnd = () => { seed = (seed + 0x6d2b79f5) | 0; let x = Math.imul(seed ^ (seed >>> 15), 1 | seed); x ^= x + Math.imul(x ^ (x >>> 7), 61 | x); return ((x ^ (x >>> 14)) >>> 0) / 4294967296; };
const pick = (list) => list[Math.floor(rnd() * list.length)];
function postText() {
  const n = 6 + Math.floor(rnd() * 18);
  const out = Array.from({ length: n }, () => pick(vocabulary));
  if (rnd() < 0.03) out.splice(Math.floor(rnd() * n), 0, pick(brands), ...(rnd() < 0.5 ? [pick(risk)] : []));
  return out.join(' ');
}
let rk = 0;
function event(timeUs) {
  const did = `did:plc:${(Math.floor(rnd() * 1e6)).toString(36)}`;
  const r = rnd();
  const rkey = `3l${(rk++).toString(36)}`;
  if (r < 0.45) return { did, time_us: timeUs, kind: 'commit', commit: { rev: rkey, operation: 'create', collection: 'app.bsky.feed.post', rkey, cid: 'bafyrei', record: { $type: 'app.bsky.feed.post', text: postText(), langs: [rnd() < 0.7 ? 'en' : 'fr'], createdAt: new Date(timeUs / 1000).toISOString() } } };
  if (r < 0.80) return { did, time_us: timeUs, kind: 'commit', commit: { rev: rkey, operation: 'create', collection: 'app.bsky.feed.like', rkey, cid: 'bafyrei', record: { $type: 'app.bsky.feed.like', subject: { uri: `at://${did}/app.bsky.feed.post/x`, cid: 'bafy' }, createdAt: new Date().toISOString() } } };
  if (r < 0.90) return { did, time_us: timeUs, kind: 'commit', commit: { rev: rkey, operation: 'create', collection: 'app.bsky.feed.repost', rkey, cid: 'bafyrei', record: { $type: 'app.bsky.feed.repost', subject: { uri: `at://${did}/app.bsky.feed.post/x`, cid: 'bafy' }, createdAt: new Date().toISOString() } } };
  if (r < 0.94) return { did, time_us: timeUs, kind: 'commit', commit: { rev: rkey, operation: 'create', collection: 'app.bsky.graph.follow', rkey, cid: 'bafyrei', record: { $type: 'app.bsky.graph.follow', subject: 'did:plc:other', createdAt: new Date().toISOString() } } };
  if (r < 0.97) return { did, time_us: timeUs, kind: 'commit', commit: { rev: rkey, operation: 'delete', collection: 'app.bsky.feed.post', rkey: `3lgone${rk}` } };
  if (r < 0.99) return { did, time_us: timeUs, kind: 'identity', identity: { did, handle: `user${rk}.bsky.social`, seq: rk, time: new Date().toISOString() } };
  return { did, time_us: timeUs, kind: 'account', account: { active: true, did, seq: rk, time: new Date().toISOString() } };
}

const relayServer = http.createServer();
const wss = new WebSocketServer({ server: relayServer });
let client = null, sent = 0, maxBuffered = 0, lastUs = 0;
wss.on('connection', (ws) => { client = ws; ws.on('close', () => { if (client === ws) client = null; }); });
await new Promise((r) => relayServer.listen(0, '127.0.0.1', r));
const relayUrl = `ws://127.0.0.1:${relayServer.address().port}/subscribe`;
let sending = false;
function pump() {
  // Every 10 ms, send what the rate asks for since the start, stamped with the send time.
  if (!sending || !client) return;
  const due = Math.floor(((performance.now() - sendStart) / 1000) * RATE) - sent;
  for (let i = 0; i < due; i++) {
    lastUs = Math.max(lastUs + 1, Date.now() * 1000);
    client.send(JSON.stringify(event(lastUs)));
  }
  sent += Math.max(0, due);
  maxBuffered = Math.max(maxBuffered, client.bufferedAmount);
}
let sendStart = 0;

// --- the service -----------------------------------------------------------------------------------------
const port = 3900 + Math.floor(Math.random() * 90);
const env = {
  ...process.env, DATABASE_URL: url, PORT: String(port), DEMO: 'false', LOG_LEVEL: 'warn', ADMIN_EMAIL: 'bench@example.com', ADMIN_PASSWORD: 'bench-password-123',
  COLLECTORS_ALLOW_HOSTS: '127.0.0.1', STREAM_CONNECTORS_ACQUIRE_SECONDS: '1',
};
const service = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
const api = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try { if ((await fetch(`${api}/health`)).ok) break; } catch { /* not up yet */ }
  if (i > 150) throw new Error('service did not start');
  await new Promise((r) => setTimeout(r, 200));
}
const call = async (method, path, token, body) => {
  const res = await fetch(api + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
};
const { token } = await call('POST', '/api/v1/auth/login', null, { email: 'bench@example.com', password: 'bench-password-123' });
for (let i = 0; i < WATCHLISTS; i++) {
  const query = i % 3 === 0 ? brands[i] : i % 3 === 1 ? `${brands[i]} AND (strike OR recall OR boycott)` : `"${brands[i]} ${pick(risk)}" OR (${brands[i]} AND NOT weather)`;
  await call('POST', '/api/v1/watchlists', token, { name: `wl ${i}`, query });
}
const db = new pg.Client({ connectionString: url });
await db.connect();
const { rows: [source] } = await db.query(`INSERT INTO sources (kind, name, url) VALUES ('bluesky', 'bench firehose', $1) RETURNING id`, [relayUrl]);
for (let i = 0; !client; i++) {
  if (i > 100) throw new Error('the service did not connect to the relay');
  await new Promise((r) => setTimeout(r, 100));
}

const metric = async (name) => {
  const text = await (await fetch(`${api}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').pop()) : 0;
};
const cpuTicks = () => { const f = readFileSync(`/proc/${service.pid}/stat`, 'utf8').split(') ')[1].split(' '); return Number(f[11]) + Number(f[12]); };
const status = (key) => Number(readFileSync(`/proc/${service.pid}/status`, 'utf8').match(new RegExp(`${key}:\\s+(\\d+)`))[1]) / 1024;

const eventsBefore = await metric('pilotfish_connector_events_total');
const ticksBefore = cpuTicks();
const rss = [];
sendStart = performance.now();
sending = true;
const started = Date.now();
const pumper = setInterval(pump, 10);
const sampler = setInterval(() => rss.push(status('VmRSS')), 5000);
await new Promise((r) => setTimeout(r, SECONDS * 1000));
sending = false;
clearInterval(pumper);
const wall = (Date.now() - started) / 1000;
const eventsAfter = await metric('pilotfish_connector_events_total');
const ticks = cpuTicks() - ticksBefore;
clearInterval(sampler);
await new Promise((r) => setTimeout(r, 3000)); // let the last batch land

const lag = await db.query(`
  SELECT extract(epoch FROM collected_at - published_at) AS lag, published_at FROM mentions WHERE source_id = $1 ORDER BY published_at`, [source.id]);
const lags = lag.rows.map((r) => Number(r.lag));
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] : NaN; };
const third = Math.floor(lags.length / 3);
const [early, late] = [p95(lags.slice(0, third)), p95(lags.slice(-third))];
const { rows: [health] } = await db.query('SELECT state, lag_seconds, events_per_second, error_count FROM sources WHERE id = $1', [source.id]);

console.log(JSON.stringify({
  relay: { events_sent: sent, events_per_second_sent: Math.round(sent / wall), max_buffered_bytes: maxBuffered },
  service: {
    events_read: eventsAfter - eventsBefore, events_per_second: Math.round((eventsAfter - eventsBefore) / wall),
    mentions_stored: lags.length, p95_lag_seconds: Number(p95(lags).toFixed(3)), p95_lag_first_third: Number(early.toFixed(3)), p95_lag_last_third: Number(late.toFixed(3)),
    lag_grew: late > early * 1.5 + 0.25, cpu_percent_of_one_core: Math.round((ticks / 100 / wall) * 100), peak_rss_mb: Math.round(status('VmHWM')),
    rss_mb_samples: rss.map(Math.round), health,
  },
}, null, 2));

service.kill('SIGTERM');
await new Promise((r) => service.once('exit', r));
wss.close();
relayServer.close();
await db.end();
await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
await admin.end();
process.exit(0);
