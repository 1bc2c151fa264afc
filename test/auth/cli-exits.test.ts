// Every CLI command that touches the database exits when it is done: `user add` and `token create` used to
// print their result and hang on the services' open handles (the scoring worker, the mail transport).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The real entry point, compiled by `npm run build` (CI and `npm install` run it).
const cli = path.join(root, 'bin/pilotfish.mjs');

let db: TestDatabase;
let env: NodeJS.ProcessEnv;
let dataDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), 'pilotfish-cli-'));
  // PostgreSQL: the test's own database. PGlite: a fresh embedded database in a temporary directory.
  env = { ...process.env, LOG_LEVEL: 'warn', DEMO: 'false', ...(db.url ? { DATABASE_URL: db.url } : { DATABASE_URL: '', DATA_DIR: dataDir }) };
});
afterAll(async () => {
  await db?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the CLI; a command that does not exit is killed after `limitMs` and reported as hanging. */
function run(args: string[], limitMs = 90_000): Promise<{ code: number | null; stdout: string; stderr: string; hung: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env, cwd: root });
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => { hung = true; child.kill('SIGKILL'); }, limitMs);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr, hung }); });
  });
}

describe('the CLI exits when done', () => {
  it('user add, then token create, each exit 0 with their output', async () => {
    const added = await run(['user', 'add', '--email', 'cli-user@example.test', '--name', 'Cli User', '--role', 'crisis']);
    expect(added.hung, `user add did not exit; printed: ${added.stdout}${added.stderr}`).toBe(false);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^[0-9a-f-]{36}\npassword: \S+\n$/);
    const token = await run(['token', 'create', '--email', 'cli-user@example.test']);
    expect(token.hung, 'token create did not exit').toBe(false);
    expect(token.code, token.stderr).toBe(0);
    expect(token.stdout).toMatch(/^pf_api_\S+\n$/);
  }, 200_000);
});
