#!/usr/bin/env node
// The architecture figures of issue 12, measured the same way before and after:
//   node scripts/arch-metrics.mjs            measures this checkout
//   node scripts/arch-metrics.mjs <dir>      measures another tree, e.g. an export of main:
//     rm -rf /tmp/before && mkdir /tmp/before && git archive 8ed491f src test | tar -x -C /tmp/before
//     node scripts/arch-metrics.mjs /tmp/before
//   --list prints the sites behind each figure.
// The enums looked for as duplicates are those of THIS checkout's src/contract (so a tree measured with the
// same script is judged against the same list). No dependency: the import graph is read with regexes, which is
// enough for this code base's plain `import … from './x.js'` / `export … from` / `import('./x.js')` forms.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const list = args.includes('--list');
const root = resolve(args.find((a) => !a.startsWith('--')) ?? '.');
const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function walk(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}
const rel = (p) => relative(root, p);
const isTest = (p) => /\.test\.ts$/.test(p);
const srcFiles = walk(join(root, 'src'));
const srcProd = srcFiles.filter((p) => !isTest(p));
const testFiles = walk(join(root, 'test'));
const text = new Map([...srcFiles, ...testFiles].map((p) => [p, readFileSync(p, 'utf8')]));
// Comments say things like "never Date.now()"; only code counts.
const code = (p) => text.get(p).replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

function sites(files, re) {
  const hits = [];
  for (const f of files) {
    code(f).split('\n').forEach((line, i) => {
      const n = (line.match(re) ?? []).length;
      for (let k = 0; k < n; k++) hits.push(`${rel(f)}:${i + 1}: ${line.trim().slice(0, 140)}`);
    });
  }
  return hits;
}
const fileCount = (hits) => new Set(hits.map((h) => h.split(':')[0])).size;
const figures = [];
function report(name, hits, note = '', files = fileCount(hits)) {
  figures.push({ name, count: hits.length, files, note });
  if (list && hits.length) console.log(`\n## ${name}\n${hits.join('\n')}`);
}

// 1. Wall-clock reads outside the clock. src/web is browser code (it has no server clock to inject; its
// times are display-only), so it is counted apart.
const wallClock = /Date\.now\(\)|new Date\(\)/g;
const notClock = srcProd.filter((p) => !rel(p).endsWith('src/shared/clock.ts'));
report('wall-clock reads, server src (no tests, not clock.ts)', sites(notClock.filter((p) => !rel(p).startsWith('src/web/')), wallClock));
report('wall-clock reads, src/web (browser code)', sites(notClock.filter((p) => rel(p).startsWith('src/web/')), wallClock));

// 2. Duplicated enums: a line outside src/contract and tests that spells out every member of a contract enum.
const contractDir = join(here, 'src', 'contract');
const enums = [];
for (const f of walk(contractDir)) {
  for (const m of readFileSync(f, 'utf8').matchAll(/export const (\w+) = \[([^\]]*)\] as const/g)) {
    const spread = [...m[2].matchAll(/\.\.\.(\w+)/g)].flatMap((s) => enums.find((e) => e.name === s[1])?.members ?? []);
    const members = [...spread, ...[...m[2].matchAll(/'([^']+)'/g)].map((x) => x[1])];
    if (members.length >= 2) enums.push({ name: m[1], members });
  }
}
// A copy is a run of quoted literals on one line, separated only by list punctuation (`|`, `,`, brackets,
// `Type.Literal(`, object keys), whose set covers an enum; a line counts once, for the largest enum it covers.
const GLUE = /^(?:[\s,|()[\]{}]|Type\.Literal|\w+\s*:)*$/;
function copiedEnum(line) {
  const toks = [...line.matchAll(/['"`]([\w-]+)['"`]/g)];
  let best = null;
  for (let i = 0; i < toks.length; i++) {
    const run = new Set([toks[i][1]]);
    for (let j = i + 1; j < toks.length && GLUE.test(line.slice(toks[j - 1].index + toks[j - 1][0].length, toks[j].index)); j++) run.add(toks[j][1]);
    for (const e of enums) if (e.members.every((v) => run.has(v)) && (!best || e.members.length > best.members.length)) best = e;
  }
  return best;
}
const dupHits = [];
for (const f of srcProd.filter((p) => !rel(p).startsWith('src/contract/'))) {
  code(f).split('\n').forEach((line, i) => {
    const e = copiedEnum(line);
    if (e) dupHits.push(`${rel(f)}:${i + 1}: [${e.name}] ${line.trim().slice(0, 120)}`);
  });
}
report(`duplicated enum declarations (of ${enums.map((e) => e.name).join(', ')})`, dupHits);

// 3. `as unknown as`.
report('`as unknown as`, src (no tests)', sites(srcProd, /as unknown as/g));
report('`as unknown as`, tests', sites([...srcFiles.filter(isTest), ...testFiles], /as unknown as/g));

// 4. Kysely query sites outside repositories (src/db — the dialect, migrations — excluded).
const query = /\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto)\(|\bsql(`|<)/g;
report('Kysely query sites outside *repository* files', sites(srcProd.filter((p) => !/repository/.test(rel(p)) && !rel(p).startsWith('src/db/')), query));

// 5. Import cycles: strongly connected components of the src import graph (type-only imports and dynamic
// import() included: they still tie the layers together).
const graph = new Map();
for (const f of srcProd) {
  const deps = new Set();
  for (const m of code(f).matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = resolve(dirname(f), m[1]).replace(/\.js$/, '.ts');
    const cands = [target, `${target}.ts`, join(target, 'index.ts')];
    const hit = cands.find((c) => text.has(c));
    if (hit && !isTest(hit)) deps.add(hit);
  }
  graph.set(f, [...deps]);
}
let idx = 0;
const index = new Map(), low = new Map(), stack = [], onStack = new Set(), sccs = [];
function strong(v) {
  index.set(v, idx); low.set(v, idx); idx++; stack.push(v); onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!index.has(w)) { strong(w); low.set(v, Math.min(low.get(v), low.get(w))); }
    else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const comp = [];
    let w;
    do { w = stack.pop(); onStack.delete(w); comp.push(w); } while (w !== v);
    if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) sccs.push(comp);
  }
}
for (const v of graph.keys()) if (!index.has(v)) strong(v);
report('import cycles (strongly connected groups of src files)', sccs.map((c) => `${c.length} files: ${c.map(rel).sort().join(' ')}`),
  '', sccs.reduce((n, c) => n + c.length, 0));

// 6. Fixed sleeps in test/: a promise resolved by a timer, or a sleep()/delay() call. Those inside
// test/support are the poll steps of waitUntil-style helpers (deadline-bound) and are counted apart.
const sleep = /new Promise\(\s*\(?\s*(\w+)\s*\)?\s*=>\s*setTimeout\(\s*\1\s*,|\b(?:sleep|delay)\(/g;
const testAll = [...testFiles, ...srcFiles.filter(isTest)];
const sleeps = sites(testAll.filter((p) => !rel(p).startsWith('test/support/')), sleep);
report('fixed sleeps in tests (outside test/support)', sleeps);
report('timer waits in test/support (poll steps of waitUntil helpers)', sites(testAll.filter((p) => rel(p).startsWith('test/support/')), sleep));

console.log(`\narchitecture figures for ${root}`);
for (const f of figures) console.log(`${String(f.count).padStart(5)}  ${f.name}  (${f.files} files${f.note ? `; ${f.note}` : ''})`);
