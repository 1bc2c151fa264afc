// The first start of the real server (the process `npm start` runs), with JSON logs: the address to open
// and the generated administrator's credentials are printed in one framed block after the server listens,
// the password works and is asked to be changed, and no log line carries it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_ENV } from '../support/app.js';
import { waitUntil } from '../support/live.js';
import { freePort } from '../support/process.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'pilotfish-first-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('first start', () => {
  it('prints the URL and the generated credentials in a clear block, even with JSON logs', async () => {
    const port = await freePort();
    // Always a fresh embedded database: a first start needs an empty one.
    const env = { ...process.env, ...TEST_ENV, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1',
      ADMIN_EMAIL: '', ADMIN_PASSWORD: '', LOG_LEVEL: 'info', LOG_PRETTY: 'false', COLLECTORS_ENABLED: 'false', DEMO: 'false' };
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    proc.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    try {
      const block = await waitUntil(async () => {
        if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}): ${stderr}`);
        const start = stdout.indexOf('┌');
        const end = stdout.indexOf('└', start);
        return start >= 0 && end > start ? stdout.slice(start, stdout.indexOf('\n', end)) : null;
      }, 120_000, 200);
      const url = `http://127.0.0.1:${port}`;
      expect(block).toContain(`│ Pilotfish is running: open ${url}`);
      expect(block).toContain('│   email:    admin@pilotfish.local');
      const password = /│ {3}password: (\S+)/.exec(block)?.[1];
      expect(password).toBeTruthy();

      // The block comes after the server listens: the address answers, and the password signs in.
      const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@pilotfish.local', password }) });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { user: { must_change_password: boolean } }).user.must_change_password).toBe(true);

      // Every other stdout line is a JSON log line, and none carries the password.
      const logLines = stdout.slice(0, stdout.indexOf('┌')).split('\n').concat(stdout.slice(stdout.indexOf('└')).split('\n').slice(1)).filter((l) => l.trim());
      expect(logLines.length).toBeGreaterThan(0);
      for (const line of logLines) expect(() => JSON.parse(line), line).not.toThrow();
      expect(logLines.some((l) => JSON.parse(l).msg === 'ready' && JSON.parse(l).url === url)).toBe(true);
      expect(`${logLines.join('\n')}${stderr}`).not.toContain(password);
    } finally {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
  }, 180_000);
});
