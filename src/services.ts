// The composition root for domain services: everything the HTTP layer, the CLI and the background
// jobs call. Built once per process (or per test) from config + database.
import type { Logger } from 'pino';
import { createIncidentsService } from './alerts/incidents.js';
import { createPoliciesService } from './alerts/policies.js';
import { watchlistSeries } from './alerts/series.js';
import { createAlertsService } from './alerts/service.js';
import { createAuthService } from './auth/service.js';
import { createPoller } from './collectors/poller.js';
import { publicUrl, type Config } from './config/index.js';
import type { Database } from './db/index.js';
import { createDetectionService } from './detection/service.js';
import { createReplayHandler } from './drills/replay.js';
import { createEventBus } from './events/bus.js';
import { createGroupsService } from './groups/service.js';
import { createIngestService, type IngestSource } from './ingest/pipeline.js';
import type { IngestResult } from './ingest/types.js';
import { createMailer } from './notify/index.js';
import type { Metrics } from './observability/metrics.js';
import { createNotificationsAdmin } from './outbox/admin.js';
import { createOutbox, webhookSecretProvider } from './outbox/worker.js';
import { scoreText } from './scoring/index.js';
import { coalescing } from './shared/coalesce.js';
import { notFound } from './shared/errors.js';
import { createSignalsService } from './signals/service.js';
import { sourcesRepository } from './sources/repository.js';
import { createSecretBox } from './sources/secrets.js';
import { addressPolicy, createSourcesService } from './sources/service.js';
import { createStreamHub } from './stream/hub.js';
import { createTalkingPointsService } from './talking-points/service.js';
import { createWatchlistCache } from './watchlists/matcher.js';
import { createScoringPool } from './watchlists/scoring-pool.js';
import { createWatchlistsService } from './watchlists/service.js';

export interface ServiceDeps { config: Readonly<Config>; database: Database; logger: Logger; metrics: Metrics }

export function createServices(deps: ServiceDeps) {
  const { config, database, logger, metrics } = deps;
  const db = database.db;
  const auth = createAuthService(db, { sessionTtlHours: config.auth.session_ttl_hours, tokenTtlDays: config.auth.token_ttl_days }, logger);
  const secretBox = createSecretBox(db, config.collectors.secret_key);
  const sources = createSourcesService(db, config, logger, { secrets: secretBox });
  const afterCommit: ((source: IngestSource, result: IngestResult) => void | Promise<void>)[] = [];
  const watchlistCache = createWatchlistCache(db, logger);
  const watchlists = createWatchlistsService(db, () => watchlistCache.invalidate());
  const scoring = createScoringPool({
    threads: config.ingest.scoring_threads, minBatch: config.ingest.scoring_min_batch, logger,
    inThread: () => watchlistCache.get(), definitions: () => watchlistCache.definitions(),
  });
  const ingest = createIngestService({
    db, logger, metrics, bucketSeconds: config.detection.bucket_seconds, scoreBatch: scoring.scoreBatch,
    onCommitted: async (source, result) => { for (const hook of afterCommit) await hook(source, result); },
  });
  const signals = createSignalsService(db, { ingest, sources, logger });
  const poller = createPoller({ config, database, logger, ingest, metrics, handlers: { replay: createReplayHandler({ db, signals, logger }) } });

  const bus = createEventBus(database, logger);
  const stream = createStreamHub(db, bus, logger, { heartbeatSeconds: config.stream.heartbeat_seconds, replayLimit: config.stream.replay_limit, metrics });
  const mailer = createMailer({ smtpUrl: config.smtp_url || null, from: config.mail_from });
  const outbox = createOutbox({
    db, logger, metrics, mailer, policy: addressPolicy(config), webhookSecret: webhookSecretProvider(db, config.alerts.webhook_secret),
    options: { maxAttempts: config.outbox.max_attempts, baseDelaySeconds: config.outbox.base_delay_seconds, maxDelaySeconds: config.outbox.max_delay_seconds, webhookTimeoutMs: config.alerts.webhook_timeout_ms, leaseSeconds: config.outbox.lease_seconds },
  });
  // Deliver right after commit instead of waiting for the next tick (the tick still catches up on failures).
  const deliver = coalescing(() => outbox.tick().then(() => undefined));
  let delivering: Promise<void> | null = null;
  const kickOutbox = () => {
    delivering = deliver().catch((err) => logger.error({ err }, 'outbox delivery failed'));
  };
  const alerts = createAlertsService({
    db, logger, metrics, onNotificationsWritten: kickOutbox,
    options: { publicUrl: publicUrl(config), ackTimeoutMinutes: config.alerts.ack_timeout_minutes, autoResolve: config.alerts.auto_resolve, maxRepeats: config.alerts.max_repeats },
  });
  const detection = createDetectionService(db, alerts, logger, { bucketSeconds: config.detection.bucket_seconds, historyDays: config.detection.history_days });
  afterCommit.push(() => { void detection.sync().catch((err) => logger.error({ err }, 'detection failed')); });
  const incidents = createIncidentsService(db);
  const policies = createPoliciesService(db, { maxRepeats: config.alerts.max_repeats, checkUrl: (url) => sources.checkFeedUrl(url) });
  const notifications = createNotificationsAdmin(db, kickOutbox);
  const groups = createGroupsService(db, logger);
  const talkingPoints = createTalkingPointsService(db, { doNotSay: config.talking_points.do_not_say, baseUrl: publicUrl(config), logger, onNotificationsWritten: kickOutbox });

  return {
    auth,
    sources,
    ingest,
    signals,
    poller,
    watchlists,
    bus,
    stream,
    mailer,
    outbox,
    kickOutbox,
    alerts,
    detection,
    incidents,
    policies,
    notifications,
    series: (watchlistId: string, since: Date, until: Date) => watchlistSeries(db, watchlistId, since, until, config.detection.bucket_seconds),
    /** Starts what every instance needs to serve requests: the cross-instance event feed. */
    async start() {
      await bus.start();
      // Load the lexicons now rather than on the first mention, which would otherwise pay for it.
      scoreText('Pilotfish démarre : aucun problème, all good!');
      // Warm-ups, so the first alert of the day is as fast as the tenth: open a few pooled connections
      // (a burst's ingest, detection, raise and event fan-out each take one), compile the watchlists.
      await Promise.all(Array.from({ length: 4 }, () => database.ping())).catch((err) => logger.warn({ err }, 'database warm-up failed'));
      await watchlistCache.get().then((scorer) => scorer.score('Pilotfish warm-up: ACME boycott, grève', null)).catch((err) => logger.warn({ err }, 'scorer warm-up failed'));
    },
    async stop() {
      stream.close();
      await bus.stop();
      await delivering;
      await mailer.close();
      await scoring.close();
    },
    groups,
    talkingPoints,
    /** Registers work to run after each committed ingest batch (detection). */
    onIngestCommitted: (hook: (source: IngestSource, result: IngestResult) => void | Promise<void>) => afterCommit.push(hook),
    resolveIngestToken: (token: string) => sources.resolveIngestToken(token),
    async pollNow(id: string) {
      const row = await sourcesRepository.get(db, id);
      if (!row) throw notFound('source');
      return poller.pollOne(row);
    },
  };
}

export type Services = ReturnType<typeof createServices>;
