// Builds this instance's stream runtime from configuration with the Bluesky and Mastodon connectors.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import type { DB } from '../../db/schema.js';
import type { IngestService } from '../../ingest/pipeline.js';
import type { Metrics } from '../../observability/metrics.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import type { SecretBox } from '../../sources/secrets.js';
import type { CompiledWatchlist } from '../../watchlists/matcher.js';
import { createBlueskyBackfill } from '../bluesky/backfill.js';
import { createBlueskyConnector } from '../bluesky/connector.js';
import { createMastodonConnector } from '../mastodon/connector.js';
import type { AddressPolicy } from '../net/address-guard.js';
import { createStreamRuntime } from './runtime.js';
import { realTimers, type Timers } from './timers.js';
import type { StreamOptions } from './types.js';
import { createWatchlistFilter } from './watchlist-filter.js';

export type { StreamRuntime } from './runtime.js';

export function streamOptions(config: Readonly<Config>): StreamOptions {
  const s = config.stream_connectors;
  return {
    leaseSeconds: s.lease_seconds, acquireSeconds: s.acquire_seconds, cursorSaveSeconds: s.cursor_save_seconds, stallSeconds: s.stall_seconds,
    maxFrameBytes: s.max_frame_bytes, backoffMinMs: s.backoff_min_ms, backoffMaxSeconds: s.backoff_max_seconds, catchUpLagSeconds: s.catch_up_lag_seconds,
    maxSources: s.max_sources, flushMs: 250, maxPending: s.max_pending, blueskyUrl: s.bluesky_url, mastodonPollSeconds: s.mastodon_poll_seconds,
    httpTimeoutMs: config.collectors.timeout_ms, userAgent: config.collectors.user_agent,
  };
}

export interface StreamConnectorsDeps {
  config: Readonly<Config>; db: Kysely<DB>; logger: Logger; metrics?: Metrics; ingest: IngestService; secrets: SecretBox; policy: AddressPolicy;
  watchlists: () => Promise<CompiledWatchlist[]>; clock?: Clock; timers?: Timers; owner?: string;
}

export function createStreamConnectors(deps: StreamConnectorsDeps) {
  const backfill = createBlueskyBackfill({
    db: deps.db, logger: deps.logger, ingest: deps.ingest, secrets: deps.secrets, policy: deps.policy, options: streamOptions(deps.config), clock: deps.clock ?? systemClock,
  });
  const filter = createWatchlistFilter(deps.watchlists, 2000, (err) => deps.logger.warn({ err: (err as Error).message }, 'could not refresh the watchlists of stream connectors'));
  const runtime = createStreamRuntime({
    db: deps.db, logger: deps.logger, metrics: deps.metrics, clock: deps.clock ?? systemClock, timers: deps.timers ?? realTimers,
    ingest: deps.ingest, secrets: deps.secrets, policy: deps.policy, options: streamOptions(deps.config), filter,
    connectors: { bluesky: createBlueskyConnector(), mastodon: createMastodonConnector() }, ...(deps.owner ? { owner: deps.owner } : {}),
  });
  return { ...runtime, backfill };
}

export type StreamConnectors = ReturnType<typeof createStreamConnectors>;
