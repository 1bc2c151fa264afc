// Stream-connector test helpers: an app on a fresh database with short stream timings, stream sources
// inserted through the repository (secrets sealed as the API would), and runtimes playing "instances".
import { pino } from 'pino';
import { createStreamConnectors, type StreamRuntime } from '../../../src/collectors/stream/index.js';
import type { Timers } from '../../../src/collectors/stream/timers.js';
import { realTimers } from '../../../src/collectors/stream/timers.js';
import { createMetrics, type Metrics } from '../../../src/observability/metrics.js';
import type { Clock } from '../../../src/shared/clock.js';
import { systemClock } from '../../../src/shared/clock.js';
import { CLI_ACTOR } from '../../../src/shared/actor.js';
import { sourcesRepository } from '../../../src/sources/repository.js';
import { createWatchlistCache } from '../../../src/watchlists/matcher.js';
import { loadConfig } from '../../../src/config/index.js';
import { createTestApp, TEST_ENV, type TestApp } from '../../support/app.js';

const defaults = loadConfig(TEST_ENV);

export const STREAM_TEST_CONFIG = {
  stream_connectors: {
    ...defaults.stream_connectors, lease_seconds: 20, acquire_seconds: 1, cursor_save_seconds: 1, stall_seconds: 5, max_frame_bytes: 4096,
    backoff_min_ms: 50, backoff_max_seconds: 1, catch_up_lag_seconds: 30, max_sources: 10, max_pending: 5000, mastodon_poll_seconds: 5,
  },
  collectors: { ...defaults.collectors, timeout_ms: 3000 },
};

export function createStreamTestApp(): Promise<TestApp> {
  return createTestApp(STREAM_TEST_CONFIG);
}

/** Waits that really wait (capped, so that Retry-After and backoff do not slow tests) and remember what was asked. */
export function recordingTimers(capMs = 50): Timers & { asked: number[] } {
  const asked: number[] = [];
  return { asked, sleep: (ms, signal) => { asked.push(ms); return realTimers.sleep(Math.min(ms, capMs), signal); } };
}

export interface Instance { runtime: StreamRuntime; metrics: Metrics; timers: ReturnType<typeof recordingTimers> }

/** Another "instance" on the app's database: its own runtime, metrics and lease owner name. */
export function streamInstance(t: TestApp, name: string, options: { clock?: Clock } = {}): Instance {
  const logger = pino({ level: t.config.log_level });
  const metrics = createMetrics();
  const timers = recordingTimers();
  const cache = createWatchlistCache(t.db.database.db, logger, 0);
  const runtime = createStreamConnectors({
    config: t.config, db: t.db.database.db, logger, metrics, ingest: t.services.ingest, secrets: t.services.secretBox,
    policy: t.services.sources.policy, watchlists: () => cache.compiled(), clock: options.clock ?? systemClock, timers, owner: name,
  });
  return { runtime, metrics, timers };
}

export async function createStreamSource(t: TestApp, kind: 'bluesky' | 'mastodon', url: string, config: Record<string, unknown> = {}, secrets?: Record<string, string>) {
  const row = await sourcesRepository.insert(t.db.database.db, {
    kind, name: `${kind} test`, url, poll_interval_seconds: null, ingest_token_hash: null, created_by: null, next_check_at: null, config: JSON.stringify(config),
  });
  if (secrets) await sourcesRepository.update(t.db.database.db, row.id, { secrets: await t.services.secretBox.seal(secrets) });
  return row;
}

export async function createWatchlist(t: TestApp, query: string) {
  return t.services.watchlists.create(CLI_ACTOR, { name: `wl ${query} ${Math.random().toString(36).slice(2, 7)}`, query });
}

export async function sourceRow(t: TestApp, id: string) {
  return t.db.database.db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function storedMentions(t: TestApp, sourceId: string) {
  return t.db.database.db.selectFrom('mentions').selectAll().where('source_id', '=', sourceId).orderBy('id').execute();
}
