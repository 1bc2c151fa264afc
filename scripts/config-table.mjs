#!/usr/bin/env node
// Prints the configuration reference (markdown) from the schema, or rewrites it into README.md with --write.
// Run after `npm run build`: it reads the compiled schema so the README can never disagree with the code.
import { readFileSync, writeFileSync } from 'node:fs';

const { ConfigSchema } = await import('../dist/config/schema.js');
const { configKeys, envName } = await import('../dist/config/load.js');
const defaults = JSON.parse(readFileSync(new URL('../config/default.json', import.meta.url), 'utf8'));

const get = (obj, path) => path.reduce((o, k) => (o == null ? o : o[k]), obj);
const rows = configKeys(ConfigSchema).map(({ path, node }) => {
  const def = get(defaults, path);
  const shown = Array.isArray(def) ? (def.length ? def.join(', ') : '(empty)') : def === '' ? '(empty)' : String(def);
  return `| \`${path.join('.')}\` | \`${envName(path)}\` | ${shown.replace(/\|/g, '\\|')} | ${(node.description ?? '').replace(/\|/g, '\\|')} |`;
});
const table = ['| key | environment variable | default | meaning |', '|---|---|---|---|', ...rows].join('\n');

if (process.argv.includes('--write')) {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const out = readme.replace(/(<!-- config-table:start -->)[\s\S]*?(<!-- config-table:end -->)/, `$1\n${table}\n$2`);
  writeFileSync(new URL('../README.md', import.meta.url), out);
} else {
  console.log(table);
}
