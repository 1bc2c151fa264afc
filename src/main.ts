// Process entry: config → database → migrations → services → app → background jobs; graceful shutdown.
import { buildApp } from './app.js';
import { bootstrapAdmin, welcomeBlock } from './auth/bootstrap.js';
import { ConfigError, loadConfig, publicUrl } from './config/index.js';
import { migrate, openDatabase } from './db/index.js';
import { createLogger } from './logger.js';
import { createMetrics } from './observability/metrics.js';
import { createServices } from './services.js';
import { createDemo } from './drills/demo.js';
import { startBackgroundJobs } from './jobs/index.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`pilotfish: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config);
  const database = await openDatabase({
    databaseUrl: config.database_url || null, dataDir: config.data_dir, logger,
    poolSize: config.database.pool_size, jobsPoolSize: config.database.jobs_pool_size,
    statementTimeoutMs: config.database.statement_timeout_ms, idleInTransactionTimeoutMs: config.database.idle_in_transaction_timeout_ms,
  });
  logger.info({ database: database.kind }, 'database opened');
  await migrate(database, logger);
  const metrics = createMetrics();
  const services = createServices({ config, database, logger, metrics });
  const print = (text: string) => process.stdout.write(text);
  const firstAdmin = await bootstrapAdmin(config, services.auth, logger);
  // The demo's users join the welcome block, printed once the server listens, so nothing is buried in logs.
  const demoLines: string[] = [];
  if (firstAdmin && config.demo) await createDemo(services, logger, (text) => demoLines.push(...text.split('\n').filter((l) => l.trim()).map((l) => l.replace(/^ {2}/, ''))));
  const app = await buildApp({ config, database, logger, metrics, services, resolveIngestToken: services.resolveIngestToken });
  await services.start();
  const jobs = await startBackgroundJobs({ config, database, logger, metrics, services, print });
  await app.listen({ port: config.port, host: config.host });
  const url = publicUrl(config);
  logger.info({ url }, 'ready');
  if (firstAdmin) print(welcomeBlock(url, firstAdmin, demoLines));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => { logger.error('shutdown took too long; exiting'); process.exit(1); }, 20_000);
    force.unref();
    try {
      await jobs.stop();
      await app.close(); // stops accepting, lets in-flight requests finish
      await services.stop();
      await database.close();
      logger.info('stopped');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
}

main().catch((err) => {
  process.stderr.write(`pilotfish: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
