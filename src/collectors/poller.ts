// The collector pipeline (Miniflux-style): claim due sources in batches (SKIP LOCKED, so instances share
// the work) → fetch with conditional GET under per-host and global concurrency limits → parse → ingest →
// record the outcome (next check, failure count, last error). One broken source never stops the others.
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Database } from '../db/index.js';
import type { SourceRow } from '../db/tables/sources.js';
import type { IngestService } from '../ingest/pipeline.js';
import type { ValidMention } from '../ingest/types.js';
import type { Metrics } from '../observability/metrics.js';
import { sourcesRepository } from '../sources/repository.js';
import { addressPolicy } from '../sources/service.js';
import { planAfterFailure, planAfterSuccess } from './backoff.js';
import { fetchFeed, HostLimiter, parseFeed, type ParsedMention } from './feed/index.js';

export interface PollOutcome { sourceId: string; ok: boolean; accepted: number; notModified: boolean; error: string | null }

/** A poll of one source kind; returns what it collected and the validators to store for next time. */
export type SourceHandler = (source: SourceRow, now: Date) => Promise<{ mentions: ValidMention[]; etag?: string | null; lastModified?: string | null; notModified?: boolean; url?: string }>;

export interface PollerDeps { config: Readonly<Config>; database: Database; logger: Logger; ingest: IngestService; metrics?: Metrics; handlers?: Partial<Record<string, SourceHandler>> }

export function toValidMention(m: ParsedMention): ValidMention {
  return { external_id: m.external_id, text: m.text, author: m.author, url: m.url, published_at: new Date(m.published_at), lang: null };
}

export function createPoller(deps: PollerDeps) {
  const { config, database, logger } = deps;
  const c = config.collectors;
  const limiter = new HostLimiter(c.per_host_concurrency);
  const policy = addressPolicy(config);

  const rssHandler: SourceHandler = async (source, now) => {
    const result = await limiter.run(source.url!, () => fetchFeed(source.url!, {
      etag: source.etag, lastModified: source.last_modified, timeoutMs: c.timeout_ms, maxBytes: c.max_bytes,
      maxRedirects: c.max_redirects, userAgent: c.user_agent, policy,
    }));
    if (result.status === 'not_modified') return { mentions: [], notModified: true, etag: result.etag ?? source.etag, lastModified: result.lastModified ?? source.last_modified };
    const feed = await parseFeed(result.body, { baseUrl: result.finalUrl, fetchedAt: now });
    return {
      mentions: feed.mentions.map(toValidMention), etag: result.etag, lastModified: result.lastModified,
      ...(result.permanentRedirect && result.finalUrl !== source.url ? { url: result.finalUrl } : {}),
    };
  };
  const handlers: Partial<Record<string, SourceHandler>> = { rss: rssHandler, ...deps.handlers };

  async function pollOne(source: SourceRow, now = new Date()): Promise<PollOutcome> {
    const log = logger.child({ sourceId: source.id, kind: source.kind });
    const intervalSeconds = source.poll_interval_seconds ?? c.default_poll_interval_seconds;
    try {
      const handler = handlers[source.kind];
      if (!handler) throw new Error(`no collector for sources of kind ${source.kind}`);
      const got = await handler(source, now);
      const stored = got.mentions.length ? await deps.ingest.store({ id: source.id, kind: source.kind }, got.mentions) : { accepted: 0 };
      const plan = planAfterSuccess(new Date(), intervalSeconds);
      await sourcesRepository.update(database.db, source.id, {
        etag: got.etag ?? null, last_modified: got.lastModified ?? null, last_polled_at: now, last_success_at: now,
        last_error: null, consecutive_failures: 0, next_check_at: plan.nextCheckAt, ...(got.url ? { url: got.url } : {}),
      });
      deps.metrics?.feedPolls.inc({ outcome: got.notModified ? 'not_modified' : 'ok' });
      log.debug({ accepted: stored.accepted, notModified: !!got.notModified }, 'source polled');
      return { sourceId: source.id, ok: true, accepted: stored.accepted, notModified: !!got.notModified, error: null };
    } catch (err) {
      return recordFailure(source, now, err, intervalSeconds, log);
    }
  }

  async function recordFailure(source: SourceRow, now: Date, err: unknown, intervalSeconds: number, log: Logger): Promise<PollOutcome> {
    const message = oneLine(err);
    const failures = source.consecutive_failures + 1;
    const retryAfter = (err as { retryAfterSeconds?: number }).retryAfterSeconds;
    const plan = planAfterFailure(now, intervalSeconds, failures, { maxBackoffSeconds: c.max_backoff_seconds, maxFailures: c.max_failures, retryAfterSeconds: retryAfter });
    try {
      await sourcesRepository.update(database.db, source.id, {
        last_polled_at: now, last_error: message, consecutive_failures: failures, next_check_at: plan.nextCheckAt,
        ...(plan.disable ? { enabled: false, disabled_reason: `disabled after ${failures} consecutive failures; last error: ${message}` } : {}),
      });
    } catch (dbErr) {
      log.error({ err: oneLine(dbErr) }, 'could not record the source failure');
    }
    deps.metrics?.feedPolls.inc({ outcome: 'error' });
    log.warn({ failures, error: message, disabled: plan.disable }, 'source poll failed');
    return { sourceId: source.id, ok: false, accepted: 0, notModified: false, error: message };
  }

  /** One scheduler tick: claim and poll batches until nothing is due (bounded by the global concurrency). */
  async function tick(now = new Date()): Promise<PollOutcome[]> {
    const outcomes: PollOutcome[] = [];
    const lease = Math.ceil((c.timeout_ms * (c.max_redirects + 1)) / 1000) + 60;
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
