#!/usr/bin/env node
// Summarises a V8 .cpuprofile of the service under `npm run bench:ingest` (see docs/performance.md):
// busy time per ingest stage (each sample goes to the innermost stage on its stack) and the top
// functions by self time. Usage:
//   npm run build && BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench:ingest -- --batch 1000
//   node scripts/profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [--top 15]
import { readFileSync } from 'node:fs';
const argv = process.argv.slice(2);
const topAt = argv.indexOf('--top');
const top = topAt >= 0 ? Number(argv[topAt + 1]) : 15;
const files = argv.filter((a, i) => a !== '--top' && i !== topAt + 1);
for (const file of files) summarise(file);

function summarise(file) {
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((x) => [x.id, x]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const cats = [
  ['body parsing (JSON.parse of the request)', (f, u) => /content-type-parser/.test(u) || f === 'defaultJsonParser' || f === 'parseNdjson'],
  ['request schema validation (ajv/TypeBox)', (f, u) => /ajv|validation\.js|typebox/.test(u)],
  ['item validation (validateMention)', (f) => f === 'validateMention'],
  ['scoring (main thread or worker)', (f, u) => /scoring\/|matcher\.js|score-worker|scoreAndAggregate/.test(u + f) && !/scoring-pool/.test(u) || f === 'scoreAndAggregate'],
  ['bucket aggregation', (f) => f === 'bucketDeltas'],
  ['worker hand-off (postMessage, clone)', (f, u) => f === 'postMessage' || /scoring-pool/.test(u) || f === 'emitMessage' || /worker_threads|internal\/worker/.test(u)],
  ['SQL: mentions insert (build + send)', (f) => f === 'insertMentions' || f === 'toColumns' || f === 'arrayLiteral'],
  ['SQL: bucket upsert', (f) => f === 'upsertBuckets' || f === 'upsertBucketsAndCount'],
  ['SQL: pg driver (protocol, results)', (f, u) => /pg-protocol|node_modules\/pg\/|pg-pool|kysely/.test(u)],
  ['ingest bookkeeping (pipeline.store/ingest)', (f, u) => /ingest\/pipeline/.test(u)],
  ['HTTP (fastify, sockets, reply)', (f, u) => /fastify|_http_|find-my-way|light-my-request|avvio/.test(u)],
  ['module loading / startup', (f, u) => /loader|module_job|translators|cjs/.test(u) || /compile/.test(f)],
];
const dt = new Map();
for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const out = new Map(); let total = 0;
for (const [id, t] of dt) {
  const leaf = byId.get(id).callFrame.functionName;
  if (leaf === '(idle)') continue;
  total += t;
  let cat = leaf === '(garbage collector)' ? 'garbage collection' : leaf === '(program)' ? 'V8/native (program)' : null;
  for (let cur = id; !cat && cur !== undefined; cur = parent.get(cur)) {
    const cf = byId.get(cur).callFrame;
    for (const [name, test] of cats) if (test(cf.functionName, cf.url)) { cat = name; break; }
  }
  cat ??= 'other';
  out.set(cat, (out.get(cat) ?? 0) + t);
}
console.log(`\n${file}: busy ${(total / 1e6).toFixed(2)} s (idle excluded)\n\n| stage | ms | share |\n|---|---:|---:|`);
for (const [k, t] of [...out].sort((a, b) => b[1] - a[1])) console.log(`| ${k} | ${(t / 1e3).toFixed(0)} | ${(100 * t / total).toFixed(1)} % |`);
const self = new Map();
for (const [id, t] of dt) {
  const cf = byId.get(id).callFrame;
  if (cf.functionName === '(idle)') continue;
  const k = `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^.*\//, '')}:${cf.lineNumber + 1}`;
  self.set(k, (self.get(k) ?? 0) + t);
}
console.log(`\n| top functions by self time | ms | share |\n|---|---:|---:|`);
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${k.replace(/\|/g, '\\|')} | ${(t / 1e3).toFixed(0)} | ${(100 * t / total).toFixed(1)} % |`);
}
