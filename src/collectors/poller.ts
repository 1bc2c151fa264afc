// The collector pipeline (Miniflux-style): claim due sources in batches (SKIP LOCKED, so instances share
// the work) → fetch (conditional GET for feeds; the poll connectors from their cursor, a bounded number of
// pages per tick) → ingest → record the outcome and the source's health (state, last event, lag, events/s,
// errors). 401/403 from a network disables the source with the reason; 429 waits for Retry-After (or the
// rate-limit reset); other failures back off. One broken source never stops the others.
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { SourceState } from '../contract/enums.js';
import type { Database } from '../db/index.js';
import type { SourceRow, SourcesTable } from '../db/tables/sources.js';
import type { IngestService } from '../ingest/pipeline.js';
import type { ValidMention } from '../ingest/types.js';
import type { Metrics } from '../observability/metrics.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { sourcesRepository } from '../sources/repository.js';
import type { SecretBox, SourceSecrets } from '../sources/secrets.js';
import { addressPolicy } from '../sources/service.js';
import type { Updateable } from 'kysely';
import { planAfterFailure, planAfterSuccess } from './backoff.js';
import { fetchFeed, HostLimiter, parseFeed, type ParsedMention } from './feed/index.js';
import { hackerNewsConnector } from './hackernews/connector.js';
import { jsonConnector } from './json/connector.js';
import type { PollConnector } from './poll/connector.js';
import { PollError } from './poll/errors.js';
import { createJsonClient } from './poll/http.js';
import { redditConnector } from './reddit/connector.js';

export interface PollOutcome { sourceId: string; ok: boolean; accepted: number; notModified: boolean; error: string | null }

export interface HandlerResult {
  mentions: ValidMention[]; etag?: string | null; lastModified?: string | null; notModified?: boolean; url?: string;
  /** Poll connectors: the new resume point, whether they read everything new, and how long the network asked us to wait. */
  cursor?: string | null; caughtUp?: boolean; pauseSeconds?: number | null; newestAt?: Date | null; lagSeconds?: number | null; skipped?: number;
}

/** A poll of one source kind; returns what it collected and what to remember for next time. */
export type SourceHandler = (source: SourceRow, now: Date, ctx: { secrets: SourceSecrets }) => Promise<HandlerResult>;

export interface PollerDeps {
  config: Readonly<Config>; database: Database; logger: Logger; ingest: IngestService; metrics?: Metrics;
  handlers?: Partial<Record<string, SourceHandler>>; secrets?: SecretBox; clock?: Clock;
}

export function toValidMention(m: ParsedMention): ValidMention {
  return { external_id: m.external_id, text: m.text, author: m.author, url: m.url, published_at: new Date(m.published_at), lang: null };
}

const CONNECTORS: Record<string, PollConnector> = { reddit: redditConnector, hackernews: hackerNewsConnector, json: jsonConnector };

export function createPoller(deps: PollerDeps) {
  const { config, database, logger } = deps;
  const c = config.collectors;
  const clock = deps.clock ?? systemClock;
  const limiter = new HostLimiter(c.per_host_concurrency);
  const policy = addressPolicy(config);
  const http = createJsonClient({ policy, timeoutMs: c.timeout_ms, maxBytes: c.max_bytes, maxRedirects: c.max_redirects, userAgent: c.user_agent, nowMs: () => clock.now().getTime() });

  const rssHandler: SourceHandler = async (source, now) => {
    const result = await limiter.run(source.url!, () => fetchFeed(source.url!, {
      etag: source.etag, lastModified: source.last_modified, timeoutMs: c.timeout_ms, maxBytes: c.max_bytes,
      maxRedirects: c.max_redirects, userAgent: c.user_agent, policy,
    }));
    if (result.status === 'not_modified') return { mentions: [], notModified: true, etag: result.etag ?? source.etag, lastModified: result.lastModified ?? source.last_modified };
    const feed = await parseFeed(result.body, { baseUrl: result.finalUrl, fetchedAt: now });
    const mentions = feed.mentions.map(toValidMention);
    return {
      mentions, etag: result.etag, lastModified: result.lastModified, newestAt: newestOf(mentions),
      ...(result.permanentRedirect && result.finalUrl !== source.url ? { url: result.finalUrl } : {}),
    };
  };

  const connectorHandler = (connector: PollConnector): SourceHandler => async (source, now, { secrets }) => {
    const run = () => connector({ source, secrets, now, http, maxPages: c.poll_max_pages, userAgent: c.user_agent });
    const r = source.url ? await limiter.run(source.url, run) : await run();
    return { mentions: r.mentions, cursor: r.cursor, caughtUp: r.caughtUp, pauseSeconds: r.pauseSeconds, newestAt: r.newestAt, lagSeconds: r.lagSeconds, skipped: r.skipped };
  };
  const handlers: Partial<Record<string, SourceHandler>> = {
    rss: rssHandler, ...Object.fromEntries(Object.entries(CONNECTORS).map(([kind, conn]) => [kind, connectorHandler(conn)])), ...deps.handlers,
  };

  function setHealthMetrics(source: SourceRow, state: SourceState, lag: number | null, eps: number | null): void {
    const m = deps.metrics;
    if (!m) return;
    const labels = { source_id: source.id, kind: source.kind };
    for (const s of ['idle', 'connected', 'catching_up', 'backing_off', 'disabled'] as const) m.sourceState.set({ ...labels, state: s }, s === state ? 1 : 0);
    if (lag !== null) m.sourceLag.set(labels, lag);
    if (eps !== null) m.sourceEventsPerSecond.set(labels, eps);
  }

  async function pollOne(source: SourceRow, now = clock.now()): Promise<PollOutcome> {
    const log = logger.child({ sourceId: source.id, kind: source.kind });
    const intervalSeconds = source.poll_interval_seconds ?? c.default_poll_interval_seconds;
    try {
      const handler = handlers[source.kind];
      if (!handler) throw new Error(`no collector for sources of kind ${source.kind}`);
      const secrets = source.secrets && deps.secrets ? await deps.secrets.open(source.secrets) : {};
      const got = await handler(source, now, { secrets });
      const stored = got.mentions.length ? await deps.ingest.store({ id: source.id, kind: source.kind }, got.mentions) : { accepted: 0 };
      const caughtUp = got.caughtUp ?? true;
      // Still behind: come back at the next tick (unless the network asked for a pause), not after the interval.
      const plan = caughtUp ? planAfterSuccess(now, intervalSeconds) : { nextCheckAt: now };
      const pause = got.pauseSeconds ?? 0;
      const nextCheckAt = new Date(Math.max(plan.nextCheckAt.getTime(), now.getTime() + pause * 1000));
      const state: SourceState = caughtUp ? 'connected' : 'catching_up';
      const since = source.last_polled_at ? (now.getTime() - source.last_polled_at.getTime()) / 1000 : intervalSeconds;
      const eps = Math.round((stored.accepted / Math.max(1, since)) * 1000) / 1000;
      const lag = got.lagSeconds === undefined ? 0 : got.lagSeconds;
      const lastEvent = got.newestAt && (!source.last_event_at || got.newestAt > source.last_event_at) ? got.newestAt : source.last_event_at;
      const changes: Updateable<SourcesTable> = {
        etag: got.etag ?? null, last_modified: got.lastModified ?? null, last_polled_at: now, last_success_at: now,
        last_error: null, consecutive_failures: 0, next_check_at: nextCheckAt, state, lag_seconds: lag, events_per_second: eps, last_event_at: lastEvent,
        ...(got.url ? { url: got.url } : {}), ...(got.cursor !== undefined ? { cursor: got.cursor } : {}),
      };
      await sourcesRepository.update(database.db, source.id, changes);
      setHealthMetrics(source, state, lag, eps);
      deps.metrics?.feedPolls.inc({ outcome: got.notModified ? 'not_modified' : 'ok' });
      if (got.skipped) log.info({ skipped: got.skipped }, 'items that could not be mentions were skipped');
      log.debug({ accepted: stored.accepted, notModified: !!got.notModified, caughtUp, pause }, 'source polled');
      return { sourceId: source.id, ok: true, accepted: stored.accepted, notModified: !!got.notModified, error: null };
    } catch (err) {
      return recordFailure(source, now, err, intervalSeconds, log);
    }
  }

  async function recordFailure(source: SourceRow, now: Date, err: unknown, intervalSeconds: number, log: Logger): Promise<PollOutcome> {
    const message = oneLine(err);
    const code = err instanceof PollError ? err.code : ((err as { code?: unknown }).code as string | undefined) ?? 'error';
    const retryAfter = (err as { retryAfterSeconds?: number }).retryAfterSeconds;
    const errorCount = Number(source.error_count) + 1;
    let changes: Updateable<SourcesTable>;
    let state: SourceState;
    if (err instanceof PollError && err.code === 'auth') {
      // A refused credential does not get better by retrying; an administrator has to act.
      state = 'disabled';
      changes = { enabled: false, disabled_reason: `disabled: ${message}`, state, last_polled_at: now, last_error: message, error_count: errorCount, consecutive_failures: source.consecutive_failures + 1 };
    } else if (err instanceof PollError && err.code === 'rate_limited') {
      // The network told us when to come back: not a failure of the source, so no backoff growth.
      state = 'backing_off';
      changes = { state, last_polled_at: now, last_error: message, error_count: errorCount, next_check_at: new Date(now.getTime() + (retryAfter ?? 60) * 1000) };
    } else {
      const failures = source.consecutive_failures + 1;
      const plan = planAfterFailure(now, intervalSeconds, failures, { maxBackoffSeconds: c.max_backoff_seconds, maxFailures: c.max_failures, retryAfterSeconds: retryAfter });
      state = plan.disable ? 'disabled' : 'backing_off';
      changes = {
        last_polled_at: now, last_error: message, consecutive_failures: failures, next_check_at: plan.nextCheckAt, state, error_count: errorCount,
        ...(plan.disable ? { enabled: false, disabled_reason: `disabled after ${failures} consecutive failures; last error: ${message}` } : {}),
      };
    }
    try {
      await sourcesRepository.update(database.db, source.id, changes);
    } catch (dbErr) {
      log.error({ err: oneLine(dbErr) }, 'could not record the source failure');
    }
    setHealthMetrics(source, state, null, null);
    deps.metrics?.feedPolls.inc({ outcome: 'error' });
    deps.metrics?.sourceErrors.inc({ kind: source.kind, code });
    // Logged at warn once per distinct error of a source; repeats of the same error are debug.
    const fields = { code, errorCount, state, error: message };
    if (message !== source.last_error || state === 'disabled') log.warn(fields, 'source poll failed');
    else log.debug(fields, 'source poll failed again');
    return { sourceId: source.id, ok: false, accepted: 0, notModified: false, error: message };
  }

  /** One scheduler tick: claim and poll batches until nothing is due (bounded by the global concurrency). */
  async function tick(now = clock.now()): Promise<PollOutcome[]> {
    const outcomes: PollOutcome[] = [];
    const lease = Math.ceil((c.timeout_ms * (c.max_redirects + 1) * Math.max(1, c.poll_max_pages)) / 1000) + 60;
    for (;;) {
      const batch = await sourcesRepository.claimDue(database.db, c.batch_size, lease, now);
      if (batch.length === 0) break;
      outcomes.push(...(await runConcurrently(batch, c.concurrency, (s) => pollOne(s, now))));
      if (batch.length < c.batch_size) break;
    }
    return outcomes;
  }

  return { tick, pollOne };
}

export type Poller = ReturnType<typeof createPoller>;

function newestOf(mentions: readonly ValidMention[]): Date | null {
  let newest: Date | null = null;
  for (const m of mentions) if (!newest || m.published_at > newest) newest = m.published_at;
  return newest;
}

async function runConcurrently<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, ' ').trim().slice(0, 500) || 'unknown error';
}
