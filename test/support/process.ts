// The real server as a child process (`node --import tsx src/main.ts`, what `npm start` runs after a build),
// for fault tests that must see the process itself survive, crash or be killed.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { TEST_ENV } from './app.js';
import { waitUntil } from './live.js';

export interface ServerProcess {
  proc: ChildProcess;
  base: string;
  /** Everything the process wrote to stderr and stdout (logs), for assertions and failure messages. */
  output(): string;
  alive(): boolean;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export const ADMIN = { email: 'fault-admin@example.test', password: 'Fault-test-passphrase-9431' };

export async function startServerProcess(databaseUrl: string, env: NodeJS.ProcessEnv = {}, port?: number): Promise<ServerProcess> {
  const p = port ?? await freePort();
  const fullEnv = { ...process.env, ...TEST_ENV, DATABASE_URL: databaseUrl, PORT: String(p), HOST: '127.0.0.1', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn', COLLECTORS_ENABLED: 'false', ...env };
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (chunk: Buffer) => { out = (out + chunk.toString()).slice(-200_000); };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const base = `http://127.0.0.1:${p}`;
  await waitUntil(async () => {
    if (proc.exitCode !== null) throw new Error(`server exited during start (${proc.exitCode}): ${out}`);
    return fetch(`${base}/health`).then((r) => r.ok).catch(() => false);
  }, 60_000, 200);
  return {
    proc, base,
    output: () => out,
    alive: () => proc.exitCode === null && proc.signalCode === null,
    async kill(signal = 'SIGKILL') {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill(signal);
      await exited;
    },
  };
}

export async function api<T = Record<string, unknown>>(base: string, method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
}

export async function adminToken(base: string): Promise<string> {
  const login = await api<{ token: string }>(base, 'POST', '/api/v1/auth/login', null, ADMIN);
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.token;
}

export interface PushLoad {
  /** external ids acknowledged by a 202 (accepted or reported duplicate). */
  acknowledged: Set<string>;
  statuses: Map<number, number>;
  stop(): Promise<void>;
}

/**
 * Pushes batches from `workers` concurrent connectors until stopped. Like a real connector, a batch answered
 * 503 (or with a network error) is retried until it is acknowledged, so at the end every id is acknowledged.
 */
export function startPushLoad(base: string, ingestToken: string, options: { workers?: number; batchSize?: number; prefix?: string; maxAttempts?: number; serverAlive?: () => boolean } = {}): PushLoad {
  const acknowledged = new Set<string>();
  const statuses = new Map<number, number>();
  let stopping = false;
  let batchNo = 0;
  const size = options.batchSize ?? 50;
  async function worker(): Promise<void> {
    while (!stopping) {
      const b = batchNo++;
      const mentions = Array.from({ length: size }, (_, i) => ({ external_id: `${options.prefix ?? 'f'}-${b}-${i}`, text: `Dupont mention ${b} ${i}: service en panne, clients mécontents` }));
      for (let attempt = 0; ; attempt++) {
        let status = 0;
        try {
          const res = await fetch(`${base}/api/v1/mentions`, { method: 'POST', headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ mentions }) });
          status = res.status;
          await res.arrayBuffer();
        } catch {
          status = 0; // connection refused or reset: the server is (re)starting
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 202) { for (const m of mentions) acknowledged.add(m.external_id); break; }
        if (status === 0 && options.serverAlive && !options.serverAlive()) throw new Error(`the server process died (batch ${b})`);
        if (attempt > (options.maxAttempts ?? 400)) throw new Error(`batch ${b} never acknowledged (last status ${status})`);
        await new Promise((r) => setTimeout(r, status === 0 ? 200 : 50));
      }
    }
  }
  const running = Promise.all(Array.from({ length: options.workers ?? 4 }, () => worker()));
  return { acknowledged, statuses, async stop() { stopping = true; await running; } };
}
