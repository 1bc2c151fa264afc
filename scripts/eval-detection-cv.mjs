#!/usr/bin/env node
// Out-of-sample check of the detector's defaults: runs the production backtest (dist/, so `npm run build`
// first) over labelled NAB-style data sets in one process, for every point of a parameter grid, and prints
// - in-sample: the NAB score of each grid point on each data set;
// - leave-one-series-out (LOSO): for each series, the grid point that scores best on all the OTHER series
//   (mean of the data sets' normalised scores, so a small set counts as much as a big one) is used to
//   score it; the held-out results are summed per data set.
// A default is only worth its LOSO figure. The data stay outside the project (their licences forbid
// copying); the NAB scorer comes with them (`<data>/../../tools/nab-score.mjs`, or --scorer).
//
//   node scripts/eval-detection-cv.mjs --data ../shared/data/nab-realtweets --data ../shared/data/nab-other \
//     [--grid '{"volumeRarityDays":[3,7,14]}'] [--only '<regexp of series>'] [--verbose]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { backtestConfig, checkHeader, inTimeOrder, parseRow, runBacktest } from '../dist/detection/backtest.js';

const args = process.argv.slice(2);
const all = (key) => args.flatMap((a, i) => (a === key ? [args[i + 1]] : []));
const one = (key, fallback) => all(key)[0] ?? fallback;
const dataDirs = all('--data');
if (!dataDirs.length) {
  console.error('usage: eval-detection-cv.mjs --data DIR [--data DIR…] [--grid JSON] [--only REGEXP] [--verbose]');
  process.exit(2);
}
const scorerPath = one('--scorer', path.resolve(dataDirs[0], '../../tools/nab-score.mjs'));
const { readSeries, scoreFile, normalize, PROFILES } = await import(pathToFileURL(scorerPath).href);
const profile = PROFILES.standard;
const grid = expand(JSON.parse(one('--grid', '{}')));
const only = new RegExp(one('--only', '.'));
const verbose = args.includes('--verbose');

/** Cartesian product of {param: [values]} as a list of partial configs. */
function expand(spec) {
  return Object.entries(spec).reduce((points, [key, values]) => points.flatMap((p) => values.map((v) => ({ ...p, [key]: v }))), [{}]);
}

function loadSeries(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  checkHeader(lines[0]);
  const rows = [];
  for (let i = 1; i < lines.length; i++) if (lines[i].trim()) rows.push(parseRow(lines[i].trim(), i + 1));
  return inTimeOrder(rows);
}

const series = [];
for (const dir of dataDirs) {
  const windows = JSON.parse(fs.readFileSync(path.join(dir, 'windows.json'), 'utf8'));
  for (const name of Object.keys(windows).sort()) {
    if (!only.test(name)) continue;
    const file = path.join(dir, name);
    const scored = readSeries(file);
    series.push({ set: path.basename(dir), name, rows: loadSeries(file), scored, index: new Map(scored.map((r, i) => [r.raw, i])), windows: windows[name].windows });
  }
}
const sets = [...new Set(series.map((s) => s.set))];

/** One backtest of one series with one grid point: NAB raw score, windows, detections, false alarms, ms. */
function evaluate(s, overrides) {
  const fired = s.scored.map(() => false);
  const cpu = process.cpuUsage();
  runBacktest(s.rows, { ...backtestConfig(s.rows), ...overrides }, (alert) => {
    const i = s.index.get(alert.timestamp);
    if (i !== undefined) fired[i] = true;
  });
  const used = process.cpuUsage(cpu);
  const ms = (used.user + used.system) / 1000;
  return { ...scoreFile(s.scored, fired, s.windows, profile), ms };
}

function summary(results) {
  const sum = (k) => results.reduce((a, r) => a + r[k], 0);
  const windows = sum('windows');
  return { nab: windows ? normalize(sum('score'), windows, profile) : NaN, hit: sum('detectedWindows'), windows, fp: sum('falsePositives') };
}
const fmt = (s) => `${s.nab.toFixed(1)} (${s.hit}/${s.windows}, ${s.fp} fp)`;

const results = grid.map((point) => series.map((s) => evaluate(s, point)));
const objective = (g, skip) => {
  const scores = sets.map((set) => summary(results[g].filter((_, i) => series[i].set === set && i !== skip)).nab);
  return scores.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0) / scores.length;
};

console.log('in-sample, per grid point:');
grid.forEach((point, g) => {
  const perSet = sets.map((set) => `${set} ${fmt(summary(results[g].filter((_, i) => series[i].set === set)))}`).join(' · ');
  console.log(`  ${JSON.stringify(point)}: ${perSet}`);
});

const held = series.map((_, i) => {
  let best = 0;
  let bestValue = -Infinity;
  for (let g = 0; g < grid.length; g++) {
    const value = objective(g, i);
    if (value > bestValue + 1e-9) [best, bestValue] = [g, value];
  }
  return { g: best, result: results[best][i] };
});
console.log('leave-one-series-out:');
for (const set of sets) {
  const mine = held.filter((_, i) => series[i].set === set);
  console.log(`  ${set}: NAB ${fmt(summary(mine.map((h) => h.result)))}`);
}
const chosen = new Map();
for (const h of held) chosen.set(h.g, (chosen.get(h.g) ?? 0) + 1);
for (const [g, n] of chosen) console.log(`  chosen for ${n} series: ${JSON.stringify(grid[g])}`);
const timed = results.flat().map((r, k) => ({ ms: r.ms, s: series[k % series.length] }));
const slowest = timed.reduce((a, b) => (b.ms > a.ms ? b : a));
console.log(`slowest backtest of one series: ${slowest.ms.toFixed(0)} ms of CPU (${slowest.s.name}, ${slowest.s.rows.length} rows; the first runs include JIT warm-up)`);
if (verbose) {
  series.forEach((s, i) => {
    const r = held[i].result;
    console.log(`  ${s.set}/${s.name}: windows ${r.detectedWindows}/${r.windows}, fp ${r.falsePositives}, raw ${r.score.toFixed(2)}`);
  });
}
