// What the HTTP layer is built from. Declared here, below app.ts and the routes, so routes import their
// dependencies' shape without importing the app that imports them (no app ↔ routes cycle).
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Database } from '../db/index.js';
import type { Metrics } from '../observability/metrics.js';
import type { Services } from '../services.js';
import type { IngestPrincipal } from './plugins/auth.js';

export interface AppDeps {
  config: Readonly<Config>;
  database: Database;
  logger: Logger;
  metrics: Metrics;
  services: Services;
  resolveIngestToken?: (token: string) => Promise<IngestPrincipal | null>;
  /** Directory of the built browser app; default <repo>/dist/web. */
  webRoot?: string;
}
