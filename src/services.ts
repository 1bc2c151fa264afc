// The composition root for domain services: everything the HTTP layer, the CLI and the background
// jobs call. Built once per process (or per test) from config + database.
import type { Logger } from 'pino';
import { createAuthService } from './auth/service.js';
import type { Config } from './config/index.js';
import type { Database } from './db/index.js';
import type { Metrics } from './observability/metrics.js';

export interface ServiceDeps { config: Readonly<Config>; database: Database; logger: Logger; metrics: Metrics }

export function createServices(deps: ServiceDeps) {
  const { config, database, logger } = deps;
  const db = database.db;
  const auth = createAuthService(db, { sessionTtlHours: config.auth.session_ttl_hours, tokenTtlDays: config.auth.token_ttl_days }, logger);
  // Push sources authenticate with their own ingest token (wired with the sources capability).
  const resolveIngestToken = async (_token: string) => null;
  return { auth, resolveIngestToken };
}

export type Services = ReturnType<typeof createServices>;
