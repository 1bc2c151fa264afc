// The composition root for domain services: everything the HTTP layer, the CLI and the background
// jobs call. Built once per process (or per test) from config + database.
import type { Logger } from 'pino';
import { createIncidentsService } from './alerts/incidents.js';
import { createIncidentReportService } from './incidents/report-service.js';
import { createPoliciesService } from './alerts/policies.js';
import { watchlistSeries } from './alerts/series.js';
import { createAlertsService } from './alerts/service.js';
import { createAuthService } from './auth/service.js';
import { createPoller } from './collectors/poller.js';
import { createStreamConnectors } from './collectors/stream/index.js';
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
import { vapidKeysProvider } from './push/keys.js';
import { createPushService } from './push/service.js';
import { createInvitationsService } from './invitations/service.js';
import { createOidcService } from './auth/oidc/service.js';
import { systemClock, type Clock } from './shared/clock.js';
import { sourcesRepository } from './sources/repository.js';
import { createSecretBox } from './sources/secrets.js';
import { addressPolicy, createSourcesService } from './sources/service.js';
import { createStreamHub } from './stream/hub.js';
import { createTalkingPointsService } from './talking-points/service.js';
import { createShareService } from './talking-points/share-service.js';
import { createCharterService } from './charter/service.js';
import { createWatchlistCache } from './watchlists/matcher.js';
import { createScoringPool } from './watchlists/scoring-pool.js';
import { createWatchlistsService } from './watchlists/service.js';
import { createBackfillService } from './watchlists/backfill.js';

/** VAPID asks for a contact: the configured one, else the From address of our emails, else the site. */
function vapidSubjectFallback(config: Readonly<Config>): string {
  const address = /<([^>]+)>/.exec(config.mail_from)?.[1] ?? config.mail_from;
  if (/^[^\s@]+@[^\s@]+$/.test(address)) return `mailto:${address}`;
  const site = publicUrl(config);
  return site.startsWith('https:') ? site : 'mailto:pilotfish@localhost';
}

/** `clock` is the one source of time for every service (tests pass a manual clock and advance it). */
export interface ServiceDeps { config: Readonly<Config>; database: Database; logger: Logger; metrics: Metrics; clock?: Clock }

export function createServices(deps: ServiceDeps) {
  const { config, database, logger, metrics } = deps;
  const clock = deps.clock ?? systemClock;
  const db = database.db;
  const auth = createAuthService(db, { sessionTtlHours: config.auth.session_ttl_hours, tokenTtlDays: config.auth.token_ttl_days }, logger);
  const secretBox = createSecretBox(db, config.collectors.secret_key);
  const sources = createSourcesService(db, config, logger, { secrets: secretBox });
  const afterCommit: ((source: IngestSource, result: IngestResult) => void | Promise<void>)[] = [];
  const watchlistCache = createWatchlistCache(db, logger);
  // A new watchlist is backfilled from the stored mentions by a job; its detector then relearns its past.
  let forgetDetector: (watchlistId: string) => void = () => {};
  const backfill = createBackfillService(database.jobs, logger.child({ job: 'watchlist-backfill' }), {
    bucketSeconds: config.detection.bucket_seconds, retentionDays: config.retention.mentions_days,
  }, { onFinished: (id) => forgetDetector(id) });
  const baseWatchlists = createWatchlistsService(db, () => watchlistCache.invalidate(), { onCreated: (trx, id) => backfill.enqueue(trx, id) });
  // A new watchlist starts with history where a connector can search the past (Bluesky backfill).
  let backfillWatchlist: (w: { id: string; query: string }) => Promise<void> = async () => {};
  const watchlists: typeof baseWatchlists = {
    ...baseWatchlists,
    async create(actor, input) {
      const created = await baseWatchlists.create(actor, input);
      void backfillWatchlist(created).catch((err) => logger.warn({ err, watchlistId: created.id }, 'backfill failed'));
      return created;
    },
  };
  const scoring = createScoringPool({
    threads: config.ingest.scoring_threads, minBatch: config.ingest.scoring_min_batch, logger,
    inThread: () => watchlistCache.get(), definitions: () => watchlistCache.definitions(),
  });
  const ingest = createIngestService({
    db, logger, metrics, bucketSeconds: config.detection.bucket_seconds, scoreBatch: scoring.scoreBatch,
    onCommitted: async (source, result) => { for (const hook of afterCommit) await hook(source, result); },
  });
  const signals = createSignalsService(db, { ingest, sources, logger, config, clock });
  const poller = createPoller({ config, database, logger, ingest, metrics, secrets: secretBox, handlers: { replay: createReplayHandler({ db, signals, logger }) } });

  // Stream sources (Bluesky, Mastodon): started by the background jobs, one holder per source across instances.
  const streams = createStreamConnectors({
    config, db, logger, metrics, ingest, secrets: secretBox, policy: addressPolicy(config), watchlists: () => watchlistCache.compiled(), clock,
  });
  backfillWatchlist = streams.backfill;

  const bus = createEventBus(database, logger);
  const stream = createStreamHub(db, bus, logger, { heartbeatSeconds: config.stream.heartbeat_seconds, replayLimit: config.stream.replay_limit, metrics });
  const mailer = createMailer({ smtpUrl: config.smtp_url || null, from: config.mail_from });
  const push = createPushService({
    db, logger, clock, policy: addressPolicy(config), timeoutMs: config.push.timeout_ms, ttlSeconds: config.push.ttl_seconds,
    keys: vapidKeysProvider(db, config.push, vapidSubjectFallback(config)),
  });
  const invitations = createInvitationsService({
    db, logger, clock, mailer, baseUrl: publicUrl(config), linkTtlHours: config.invitations.link_ttl_hours,
    sessionTtlHours: config.auth.session_ttl_hours, maxRows: config.invitations.max_rows,
  });
  const oidc = createOidcService({
    db, logger, clock, settings: config.auth.oidc, sessionTtlHours: config.auth.session_ttl_hours,
    redirectUri: config.auth.oidc.redirect_uri || `${publicUrl(config)}/api/v1/auth/oidc/callback`,
  });
  const outbox = createOutbox({
    db: database.jobs, logger, metrics, clock, mailer, policy: addressPolicy(config), webhookSecret: webhookSecretProvider(db, config.alerts.webhook_secret), push: (n) => push.deliver(n),
    options: { maxAttempts: config.outbox.max_attempts, baseDelaySeconds: config.outbox.base_delay_seconds, maxDelaySeconds: config.outbox.max_delay_seconds, webhookTimeoutMs: config.alerts.webhook_timeout_ms, leaseSeconds: config.outbox.lease_seconds },
  });
  // Deliver right after commit instead of waiting for the next tick (the tick still catches up on failures).
  const deliver = coalescing(() => outbox.tick().then(() => undefined));
  let delivering: Promise<void> | null = null;
  const kickOutbox = () => {
    delivering = deliver().catch((err) => logger.error({ err }, 'outbox delivery failed'));
  };
  const alertOptions = { publicUrl: publicUrl(config), ackTimeoutMinutes: config.alerts.ack_timeout_minutes, autoResolve: config.alerts.auto_resolve, maxRepeats: config.alerts.max_repeats };
  const alerts = createAlertsService({ db, logger, metrics, clock, onNotificationsWritten: kickOutbox, options: alertOptions });
  // The escalation job's timers run on the jobs pool, so slow dashboard reads cannot delay an escalation.
  const alertTimers = createAlertsService({ db: database.jobs, logger, metrics, clock, onNotificationsWritten: kickOutbox, options: alertOptions });
  const detection = createDetectionService(db, alerts, logger, { bucketSeconds: config.detection.bucket_seconds, historyDays: config.detection.history_days });
  afterCommit.push(() => { void detection.sync().catch((err) => logger.error({ err }, 'detection failed')); });
  forgetDetector = (id) => detection.forget(id);
  const incidents = createIncidentsService(db, clock);
  const incidentReports = createIncidentReportService(db, { clock, bucketSeconds: config.detection.bucket_seconds });
  const policies = createPoliciesService(db, { maxRepeats: config.alerts.max_repeats, checkUrl: (url) => sources.checkFeedUrl(url) });
  const notifications = createNotificationsAdmin(db, kickOutbox, clock);
  const groups = createGroupsService(db, logger);
  const talkingPoints = createTalkingPointsService(db, { doNotSay: config.talking_points.do_not_say, baseUrl: publicUrl(config), logger, clock, onNotificationsWritten: kickOutbox });

  return {
    auth,
    sources,
    ingest,
    signals,
    poller,
    streams,
    secretBox,
    watchlists,
    bus,
    stream,
    mailer,
    outbox,
    push,
    invitations,
    oidc,
    kickOutbox,
    alerts,
    alertTimers,
    detection,
    backfill,
    incidents,
    incidentReports,
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
      await streams.stop();
      stream.close();
      await bus.stop();
      await delivering;
      await mailer.close();
      await scoring.close();
    },
    groups,
    talkingPoints,
    /** The ambassador charter (and its gate) and training modules. */
    charter: createCharterService(db, { clock: systemClock, logger }),
    /** Tracked short links of shared talking points. */
    shares: createShareService(db, { clock: systemClock, baseUrl: publicUrl(config) }),
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
