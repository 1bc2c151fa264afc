// Opens config, database (migrated) and services for a CLI command, and closes them afterwards.
import { pino } from 'pino';
import { loadConfig, type Config } from '../config/index.js';
import { migrate, openDatabase, type Database } from '../db/index.js';
import { createMetrics } from '../observability/metrics.js';
import { createServices, type Services } from '../services.js';

export interface CliContext { config: Readonly<Config>; database: Database; services: Services }

export async function withContext<T>(fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // Commands print their results on stdout; logs go to stderr and only when something is wrong.
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const database = await openDatabase({ databaseUrl: config.database_url || null, dataDir: config.data_dir, logger, poolSize: 2 });
  try {
    await migrate(database, logger);
    const services = createServices({ config, database, logger, metrics: createMetrics() });
    return await fn({ config, database, services });
  } finally {
    await database.close();
  }
}
