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
  let services: Services | null = null;
  try {
    await migrate(database, logger);
    services = createServices({ config, database, logger, metrics: createMetrics() });
    return await fn({ config, database, services });
  } finally {
    // The services own handles that keep Node alive (the scoring worker thread, the mail transport, timers):
    // without stopping them, `user add` and `token create` printed their result and never exited.
    await services?.stop();
    await database.close();
  }
}
