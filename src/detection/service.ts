// The thin service around the pure detector: one WatchlistDetector per watchlist, fed from the buckets
// in PostgreSQL (not from this instance's own ingest), so every instance sees the same history and the
// unique alert fingerprint turns concurrent detections into one alert. On start, state is rebuilt by
// replaying stored buckets, then open alerts are adopted, so a restart neither forgets nor re-raises.
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AlertsService } from '../alerts/service.js';
import type { DB } from '../db/schema.js';
import type { BucketRow } from '../db/tables/buckets.js';
import { coalescing } from '../shared/coalesce.js';
import { WatchlistDetector } from './detector.js';
import type { AlertKind, BucketSnapshot, Candidate, DetectionResult } from './types.js';

export interface DetectionServiceOptions { bucketSeconds: number; historyDays: number; graceSeconds?: number }

export function snapshotOf(row: Pick<BucketRow, 'bucket_start' | 'count' | 'negative' | 'risk_sum' | 'ambassador_reports' | 'critical_reports' | 'ambassadors' | 'terms' | 'sample_ids'>): BucketSnapshot {
  return {
    start: row.bucket_start.getTime(), count: row.count, negative: row.negative, riskSum: row.risk_sum,
    ambassadorReports: row.ambassador_reports, distinctAmbassadors: row.ambassadors.length, criticalReports: row.critical_reports,
    terms: row.terms ?? {}, sampleIds: row.sample_ids.map(String), ambassadorIds: row.ambassadors,
  };
}

export function createDetectionService(db: Kysely<DB>, alerts: AlertsService, logger: Logger, options: DetectionServiceOptions) {
  const detectors = new Map<string, WatchlistDetector>();
  const graceMs = (options.graceSeconds ?? 30) * 1000;
  // Buckets updated by transactions that started before ours but committed after our read would be
  // missed by a strict watermark: re-read a little of the past (observing a snapshot twice is harmless).
  const overlapMs = 60_000;
  let watermark = new Date(0);
  let syncAt: Date | undefined;
  const syncLoop = coalescing(() => syncOnce(syncAt ?? new Date()));

  async function buildDetector(watchlistId: string, now: Date): Promise<{ detector: WatchlistDetector; pending: Candidate[] }> {
    const detector = new WatchlistDetector({ bucketSeconds: options.bucketSeconds });
    const since = new Date(now.getTime() - options.historyDays * 86400_000);
    const rows = await db.selectFrom('buckets').selectAll().where('watchlist_id', '=', watchlistId).where('bucket_start', '>=', since).orderBy('bucket_start').execute();
    const raisedByEpisode = new Map<string, Candidate>();
    for (const row of rows) for (const c of detector.observe(snapshotOf(row)).raised) raisedByEpisode.set(c.episodeKey, c);
    detector.advance(now.getTime() - graceMs);
    const open = await db.selectFrom('alerts').select(['kind', 'episode_key', 'updated_at'])
      .where('watchlist_id', '=', watchlistId).where('episode_ended_at', 'is', null).where('status', '!=', 'resolved').execute();
    detector.resumeEpisodes(open.map((a) => ({ kind: a.kind as AlertKind, episodeKey: a.episode_key, lastActiveAt: a.updated_at.getTime() })));
    // Episodes still open after the replay whose alert may have been lost in a crash: raising is idempotent.
    const stillOpen = new Set(Object.values(detector.openEpisodes()));
    const pending = [...raisedByEpisode.values()].filter((c) => stillOpen.has(c.episodeKey));
    return { detector, pending };
  }

  async function handle(watchlistId: string, result: DetectionResult): Promise<void> {
    // Kinds raised together (a burst is often negative, risky and loud at once) go out in parallel.
    await Promise.all(result.raised.map((candidate) => alerts.raise(watchlistId, candidate)
      .catch((err) => logger.error({ err, watchlistId, kind: candidate.kind }, 'could not raise alert'))));
    for (const end of result.ended) {
      await alerts.episodeEnded(watchlistId, end).catch((err) => logger.error({ err, watchlistId }, 'could not close episode'));
    }
  }

  async function detectorFor(watchlistId: string, now: Date): Promise<WatchlistDetector> {
    let detector = detectors.get(watchlistId);
    if (!detector) {
      const built = await buildDetector(watchlistId, now);
      detector = built.detector;
      detectors.set(watchlistId, detector);
      for (const c of built.pending) await handle(watchlistId, { raised: [c], ended: [] });
    }
    return detector;
  }

  async function syncOnce(now: Date): Promise<void> {
    const since = new Date(watermark.getTime() - overlapMs);
    const rows = await db.selectFrom('buckets').selectAll().where('updated_at', '>', since)
      .orderBy('watchlist_id').orderBy('bucket_start').execute();
    for (const row of rows) {
      if (row.updated_at > watermark) watermark = row.updated_at;
      const detector = await detectorFor(row.watchlist_id, now);
      await handle(row.watchlist_id, detector.observe(snapshotOf(row)));
    }
    for (const [watchlistId, detector] of detectors) await handle(watchlistId, detector.advance(now.getTime() - graceMs));
  }

  return {
    /** Rebuilds every active watchlist's detector from stored buckets (start-up). */
    async start(now = new Date()): Promise<void> {
      const lists = await db.selectFrom('watchlists').select('id').where('deleted_at', 'is', null).where('enabled', '=', true).execute();
      for (const { id } of lists) await detectorFor(id, now);
      const latest = await db.selectFrom('buckets').select(sql<Date>`max(updated_at)`.as('at')).executeTakeFirst();
      watermark = latest?.at ? new Date(latest.at) : new Date(0);
      logger.info({ watchlists: lists.length }, 'detectors rebuilt from stored buckets');
    },

    /**
     * Drops a watchlist's detector, so the next look rebuilds it from its stored buckets: after a backfill
     * wrote its past, which a live detector would ignore as late data.
     */
    forget(watchlistId: string): void {
      detectors.delete(watchlistId);
    },

    /** Looks at buckets changed since the last look. Coalesces calls: at most one run plus one queued. */
    sync(now?: Date): Promise<void> {
      syncAt = now;
      return syncLoop();
    },

  };
}

export type DetectionService = ReturnType<typeof createDetectionService>;
