// Builds a real app on a fresh database for integration tests, plus factories that insert fresh rows.
import { randomBytes } from 'node:crypto';
import { pino, type DestinationStream } from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import type { Role } from '../../src/db/tables/users.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createServices, type Services } from '../../src/services.js';
import { CLI_ACTOR } from '../../src/shared/actor.js';
import type { Clock } from '../../src/shared/clock.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const TEST_ENV: NodeJS.ProcessEnv = { DEMO: 'false', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', COLLECTORS_ALLOW_HOSTS: '127.0.0.1,localhost' };

export interface TestApp {
  app: FastifyInstance;
  config: Readonly<Config>;
  services: Services;
  db: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}, options: { logStream?: NodeJS.WritableStream; clock?: Clock } = {}): Promise<TestApp> {
  const config = loadConfig({ ...TEST_ENV, ...env }, overrides);
  // A test that moves time passes a manual clock (src/shared/clock.ts); a test that inspects the logs (e.g. that
  // no secret is ever logged) passes its own stream and gets the production logger (serializers and redaction
  // included), since that is what the test checks.
  const logger = options.logStream ? createLogger(config, {}, options.logStream as DestinationStream) : pino({ level: config.log_level });
  const db = await createTestDatabase();
  const metrics = createMetrics();
  const services = createServices({ config, database: db.database, logger, metrics, clock: options.clock });
  const app = await buildApp({ config, database: db.database, logger, metrics, services, resolveIngestToken: services.resolveIngestToken });
  await app.ready();
  await services.start();
  return {
    app, config, services, db,
    async close() {
      await app.close();
      await services.stop();
      await db.drop();
    },
  };
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}@example.test`;
}

export interface TestUser { id: string; email: string; password: string; token: string; role: Role; auth: { authorization: string } }

/** A fresh user of the given role with an API token. */
export async function createUser(t: Pick<TestApp, 'services'>, role: Role, options: { name?: string; lang?: 'fr' | 'en' } = {}): Promise<TestUser> {
  const email = uniqueEmail(role);
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const { user } = await t.services.auth.createUser(CLI_ACTOR, { email, name: options.name ?? `${role} user`, role, password, lang: options.lang ?? 'en' });
  const { token } = await t.services.auth.createApiToken(CLI_ACTOR, email);
  return { id: user.id, email, password, token, role, auth: { authorization: `Bearer ${token}` } };
}
