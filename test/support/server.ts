// A real, listening Pilotfish for browser tests: fresh database, the browser app built into a temporary
// directory, the app on a random port. Background jobs are not started unless a test asks for them.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createServices, type Services } from '../../src/services.js';
import { TEST_ENV } from './app.js';
import { createTestDatabase, type TestDatabase } from './database.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Compiles src/web and copies the static files and vendored libraries, as scripts/build.mjs does. */
export function buildWebApp(outDir: string): void {
  const require = createRequire(import.meta.url);
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'src/web/tsconfig.json'), '--outDir', path.join(outDir, 'js'), '--sourceMap', 'false'], { stdio: 'pipe' });
  cpSync(path.join(root, 'public'), outDir, { recursive: true });
  mkdirSync(path.join(outDir, 'vendor'), { recursive: true });
  cpSync(path.join(root, 'node_modules/uplot/dist/uPlot.esm.js'), path.join(outDir, 'vendor/uPlot.esm.js'));
  cpSync(path.join(root, 'node_modules/uplot/dist/uPlot.min.css'), path.join(outDir, 'vendor/uPlot.min.css'));
}

/** A port free right now (the OS picks it), for a server whose address must be known before it starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export interface TestServer {
  app: FastifyInstance;
  config: Readonly<Config>;
  services: Services;
  db: TestDatabase;
  url: string;
  close(): Promise<void>;
}

/** `port`: listen there instead of a random port (when a URL of the server must be known beforehand, e.g. an OIDC redirect). */
export async function startTestServer(overrides: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}, options: { port?: number } = {}): Promise<TestServer> {
  const webRoot = mkdtempSync(path.join(tmpdir(), 'pilotfish-web-'));
  buildWebApp(webRoot);
  const config = loadConfig({ ...TEST_ENV, ...env }, overrides);
  const logger = pino({ level: config.log_level });
  const db = await createTestDatabase();
  const metrics = createMetrics();
  const services = createServices({ config, database: db.database, logger, metrics });
  const app = await buildApp({ config, database: db.database, logger, metrics, services, resolveIngestToken: services.resolveIngestToken, webRoot });
  await services.start(); // the cross-instance event feed behind the websocket stream
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app, config, services, db,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await services.stop();
      await db.drop();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}
