// The composition root for domain services: everything the HTTP layer, the CLI and the background
// jobs call. Built once per process (or per test) from config + database.
import type { Logger } from 'pino';
import { createAuthService } from './auth/service.js';
import { createPoller } from './collectors/poller.js';
import { previewFeed } from './collectors/preview.js';
import { publicUrl, type Config } from './config/index.js';
import type { Database } from './db/index.js';
import { createGroupsService } from './groups/service.js';
import { createIngestService, type IngestSource } from './ingest/pipeline.js';
import type { IngestResult } from './ingest/types.js';
import type { Metrics } from './observability/metrics.js';
import { notFound } from './shared/errors.js';
import { createSignalsService } from './signals/service.js';
import { sourcesRepository } from './sources/repository.js';
import { createSourcesService } from './sources/service.js';
import { createTalkingPointsService } from './talking-points/service.js';
import { createWatchlistCache } from './watchlists/matcher.js';
import { createWatchlistsService } from './watchlists/service.js';

export interface ServiceDeps { config: Readonly<Config>; database: Database; logger: Logger; metrics: Metrics }

export function createServices(deps: ServiceDeps) {
  const { config, database, logger, metrics } = deps;
  const db = database.db;
  const auth = createAuthService(db, { sessionTtlHours: config.auth.session_ttl_hours, tokenTtlDays: config.auth.token_ttl_days }, logger);
  const sources = createSourcesService(db, config, logger);
  const afterCommit: ((source: IngestSource, result: IngestResult) => void | Promise<void>)[] = [];
  const watchlistCache = createWatchlistCache(db, logger);
  const watchlists = createWatchlistsService(db, () => watchlistCache.invalidate());
  const scorer = () => watchlistCache.get();
  const ingest = createIngestService({
    db, logger, metrics, bucketSeconds: config.detection.bucket_seconds, scorer,
    onCommitted: async (source, result) => { for (const hook of afterCommit) await hook(source, result); },
  });
  const signals = createSignalsService(db, { ingest, sources, logger });
  const poller = createPoller({ config, database, logger, ingest, metrics });
  const groups = createGroupsService(db, logger);
  const talkingPoints = createTalkingPointsService(db, { doNotSay: config.talking_points.do_not_say, baseUrl: publicUrl(config), logger });

  return {
    auth,
    sources,
    ingest,
    signals,
    poller,
    watchlists,
    groups,
    talkingPoints,
    /** Registers work to run after each committed ingest batch (detection). */
    onIngestCommitted: (hook: (source: IngestSource, result: IngestResult) => void | Promise<void>) => afterCommit.push(hook),
    resolveIngestToken: (token: string) => sources.resolveIngestToken(token),
    previewFeed: (url: string) => previewFeed(url, config, sources),
    async pollNow(id: string) {
      const row = await sourcesRepository.get(db, id);
      if (!row) throw notFound('source');
      return poller.pollOne(row);
    },
  };
}

export type Services = ReturnType<typeof createServices>;
