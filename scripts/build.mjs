#!/usr/bin/env node
// Builds the server (src → dist) and the browser app (src/web → dist/web/js), then copies static assets.
// Runs on `npm install` (prepare) so that `npx pilotfish` and `npm start` work from a fresh clone.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (existsSync(path.join(root, 'src/web/tsconfig.json'))) {
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'src/web/tsconfig.json')], { stdio: 'inherit' });
}
const copies = [
  ['public', 'dist/web'],
  ['node_modules/uplot/dist/uPlot.esm.js', 'dist/web/vendor/uPlot.esm.js'],
  ['node_modules/uplot/dist/uPlot.min.css', 'dist/web/vendor/uPlot.min.css'],
];
for (const [from, to] of copies) {
  const src = path.join(root, from);
  if (!existsSync(src)) continue;
  mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
  cpSync(src, path.join(root, to), { recursive: true });
}
