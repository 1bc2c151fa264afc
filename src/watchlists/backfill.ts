// Backfill: a new watchlist gets the history the stored mentions already hold (the retention period), so
// its chart and buckets start with a past and its detector with a baseline, as the query tester suggests.
// The work is off the request path and bounded: the watchlist's creation queues a row in its own
// transaction; the backfill job claims one row (SKIP LOCKED), scores one batch of stored mentions against
// the new query, files the matches under the watchlist and adds them to its buckets, and moves its cursor,
// batch by batch, a few batches per tick. A mention already filed under the watchlist is never counted
// twice, so a crash between batches, or ingest racing the backfill, cannot inflate a bucket.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.js';
import { bucketDeltas, type DeltaInput } from '../ingest/buckets.js';
import { upsertBucketsAndCount } from '../ingest/repository.js';
import { compileQuery, compileRiskTerms } from '../scoring/index.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { backfillRepository as repo, type StoredMention } from './backfill-repository.js';
import { createMentionScorer } from './matcher.js';

export interface BackfillOptions {
  bucketSeconds: number;
  retentionDays: number;
  batchSize?: number;
  batchesPerTick?: number;
  /**
   * Wait before the first batch, so that every instance's watchlist cache (reloaded every few seconds)
   * scores new mentions against the watchlist: the batches then stop at the highest id seen at that time.
   */
  delaySeconds?: number;
}

/** Stored mentions analysed between two yields to the event loop. */
const SLICE = 50;
/** The ingest statement also counts a source's mentions; a backfill inserts none, so no source is touched. */
const NO_SOURCE = '00000000-0000-0000-0000-000000000000';

export interface BackfillTick { scanned: number; matched: number; finished: string[] }

export function createBackfillService(db: Kysely<DB>, logger: Logger, options: BackfillOptions, deps: { clock?: Clock; onFinished?: (watchlistId: string) => void } = {}) {
  const clock = deps.clock ?? systemClock;
  const batchSize = options.batchSize ?? 500;
  const batchesPerTick = options.batchesPerTick ?? 4;

  async function matchesOf(rows: StoredMention[], watchlist: { id: string; query: string; risk_terms: { term: string; weight: number }[] }): Promise<DeltaInput[]> {
    const scorer = createMentionScorer([{
      id: watchlist.id, version: 'backfill', query: compileQuery(watchlist.query),
      riskTerms: watchlist.risk_terms.length ? compileRiskTerms(watchlist.risk_terms) : null,
    }]);
    const out: DeltaInput[] = [];
    for (let start = 0; start < rows.length; start += SLICE) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const m of rows.slice(start, start + SLICE)) {
        const scored = scorer.score(m.text, m.lang === 'fr' || m.lang === 'en' ? m.lang : null);
        if (scored.watchlists.length === 0) continue;
        out.push({
          id: m.id, publishedAt: m.published_at.getTime(), scored,
          ...(m.signal_user_id && m.signal_severity ? { signal: { userId: m.signal_user_id, severity: m.signal_severity, watchlistId: null } } : {}),
          ...(m.network ? { reach: { network: m.network, followers: m.author_followers, likes: m.likes, reposts: m.reposts, replies: m.replies } } : {}),
        });
      }
    }
    return out;
  }

  /** One batch of one due backfill, in one transaction. Null when nothing is due. */
  async function step(now: Date): Promise<{ watchlistId: string; scanned: number; matched: number; finished: boolean } | null> {
    return db.transaction().execute(async (trx) => {
      const job = await repo.claim(trx, now);
      if (!job) return null;
      const untilId = job.until_id === null ? await repo.maxMentionId(trx) : Number(job.until_id);
      const rows = job.deleted_at ? [] : await repo.batch(trx, Number(job.cursor_id), untilId, job.since, batchSize);
      const matches = await matchesOf(rows, { id: job.watchlist_id, query: job.query, risk_terms: job.risk_terms });
      const tagged = new Set(await repo.tag(trx, job.watchlist_id, matches.map((m) => m.id)));
      await upsertBucketsAndCount(trx, bucketDeltas(matches.filter((m) => tagged.has(m.id)), options.bucketSeconds), NO_SOURCE, 0);
      const finished = rows.length < batchSize;
      const scanned = job.scanned + rows.length;
      const matched = job.matched + tagged.size;
      await repo.progress(trx, job.watchlist_id, { until_id: untilId, cursor_id: rows.at(-1)?.id ?? Number(job.cursor_id), scanned, matched, finished_at: finished ? now : null });
      return { watchlistId: job.watchlist_id, scanned: rows.length, matched: tagged.size, finished };
    });
  }

  return {
    /** Queues the backfill of a new watchlist (call it in the transaction that creates it). */
    enqueue(conn: Kysely<DB>, watchlistId: string): Promise<unknown> {
      const now = clock.now().getTime();
      return repo.enqueue(conn, watchlistId, new Date(now - options.retentionDays * 86400_000), new Date(now + (options.delaySeconds ?? 10) * 1000));
    },

    /** A few batches of due backfills (the job's tick). */
    async tick(now = clock.now()): Promise<BackfillTick> {
      const result: BackfillTick = { scanned: 0, matched: 0, finished: [] };
      for (let i = 0; i < batchesPerTick; i++) {
        const done = await step(now);
        if (!done) break;
        result.scanned += done.scanned;
        result.matched += done.matched;
        if (done.finished) {
          result.finished.push(done.watchlistId);
          logger.info({ watchlistId: done.watchlistId }, 'watchlist backfilled from stored mentions');
          deps.onFinished?.(done.watchlistId);
        }
      }
      return result;
    },

    status: (watchlistId: string) => repo.status(db, watchlistId),
  };
}

export type BackfillService = ReturnType<typeof createBackfillService>;
