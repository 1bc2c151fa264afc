// Background work of one instance: feed polling, retention, and (as capabilities land) detection,
// escalation timers and outbox delivery. Every job is safe on several instances at once.
import type { ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Database } from '../db/index.js';
import type { Metrics } from '../observability/metrics.js';
import { ensurePartitions } from '../mentions/partitions.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { runRetention } from '../retention/retention.js';
import type { Services } from '../services.js';
import { everyExpression, schedule } from './cron.js';

const PARTITION_WEEKS_AHEAD = 4;

export interface JobDeps { config: Readonly<Config>; database: Database; logger: Logger; metrics: Metrics; services: Services; print: (text: string) => void; clock?: Clock }
export interface Jobs { stop(): Promise<void> }

export async function startBackgroundJobs(deps: JobDeps): Promise<Jobs> {
  const { config, database, logger, services } = deps;
  const tasks: ScheduledTask[] = [];
  const log = (job: string) => logger.child({ job });

  if (config.collectors.enabled) {
    tasks.push(schedule('poll-feeds', everyExpression(config.collectors.tick_seconds), () => services.poller.tick(), log('poll-feeds')));
  }
  if (config.stream_connectors.enabled) await services.streams.start();
  // Detectors learn from stored buckets; rebuild them before the first tick.
  await services.detection.start();
  const tick = everyExpression(config.alerts.tick_seconds);
  tasks.push(schedule('detection', tick, () => services.detection.sync(), log('detection')));
  tasks.push(schedule('escalation', tick, () => services.alertTimers.tick(), log('escalation')));
  tasks.push(schedule('outbox', tick, () => services.outbox.tick(), log('outbox')));
  tasks.push(schedule('watchlist-backfill', tick, () => services.backfill.tick(), log('watchlist-backfill')));
  // Weekly mention partitions exist four weeks ahead; created at start and checked daily.
  const clock = deps.clock ?? systemClock;
  const partitions = () => ensurePartitions(database.jobs, clock.now(), PARTITION_WEEKS_AHEAD)
    .then((created) => { if (created.length) log('mention-partitions').info({ created }, 'mention partitions created'); });
  await partitions().catch((err: unknown) => log('mention-partitions').error({ err }, 'could not create mention partitions'));
  tasks.push(schedule('mention-partitions', '41 2 * * *', partitions, log('mention-partitions')));
  tasks.push(schedule('retention', config.retention.cron, () => runRetention(database.jobs, {
    mentionsDays: config.retention.mentions_days, batchSize: config.retention.batch_size,
  }, log('retention'), clock.now()), log('retention')));

  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()));
      await services.streams.stop();
      // Wait for running ticks to finish so shutdown never cuts a transaction in half.
      for (let i = 0; i < 100 && tasks.some((t) => t.isBusy()); i++) await new Promise((r) => setTimeout(r, 100));
    },
  };
}
