#!/usr/bin/env node
// Entry point for `npx pilotfish <command>`. The TypeScript sources are compiled on `npm install`
// (the prepare script), so this only loads the compiled CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('pilotfish: the compiled CLI is missing; run `npm install` or `npm run build` first\n');
  process.exit(1);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
