// validate → dedupe → score → persist (mentions, then bucket increments and the source's count: two statements, one transaction).
// A resolved promise means the mentions are committed; detection runs after commit.
import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.js';
import type { SourceKind } from '../db/tables/sources.js';
import type { Metrics } from '../observability/metrics.js';
import { bucketDeltas, deltaInput, type StoredScored } from './buckets.js';
import { arrayLiteral, emptyColumns, insertMentions, upsertBucketsAndCount, type MentionColumns } from './repository.js';
import type { IngestResult, Rejection, ScoreBatch, ScoredMention, ValidMention } from './types.js';
import { validateMention } from './validate.js';

export interface IngestSource { id: string; kind: SourceKind }

export interface IngestDeps {
  db: Kysely<DB>;
  logger: Logger;
  metrics?: Metrics;
  bucketSeconds: number;
  /** Scores a batch (possibly on a worker thread); results in input order. */
  scoreBatch: ScoreBatch;
  /** Called after commit with what changed (detection, stream). Errors are logged, never thrown back. */
  onCommitted?: (source: IngestSource, result: IngestResult) => void | Promise<void>;
}

/** Extra work committed with the mentions (e.g. the signal row and its stream event). */
export type InTransaction = (trx: Transaction<DB>, stored: StoredScored[]) => Promise<void>;

export function createIngestService(deps: IngestDeps) {
  const { db, logger } = deps;

  /** Validates each raw item on its own; valid ones are stored, invalid ones come back with a reason. */
  async function ingest(source: IngestSource, rawItems: readonly unknown[], now = new Date(), preRejected?: ReadonlyMap<number, string>): Promise<IngestResult> {
    const rejected: Rejection[] = [];
    const valid: ValidMention[] = [];
    rawItems.forEach((raw, index) => {
      const earlier = preRejected?.get(index);
      if (earlier) return void rejected.push({ index, error: earlier });
      const v = validateMention(raw, now);
      if (v.ok) valid.push(v.value); else rejected.push({ index, error: v.error });
    });
    deps.metrics?.mentionsRejected.inc(rejected.length);
    const result = await store(source, valid);
    return { ...result, rejected };
  }

  /** Stores already-validated mentions (collectors, signals). `inTransaction` adds work to the same commit. */
  async function store(source: IngestSource, items: ValidMention[], inTransaction?: InTransaction): Promise<IngestResult> {
    // Dedupe inside the batch: the first occurrence of an external id wins.
    const seen = new Set<string>();
    const unique = items.filter((m) => (seen.has(m.external_id) ? false : (seen.add(m.external_id), true)));
    const batchDuplicates = items.length - unique.length;
    // Scoring and aggregation happen before the transaction (on a scoring thread for big batches), so
    // the transaction holds its connection only for the inserts.
    const batch = await deps.scoreBatch(unique.map((m) => {
      const forced = forcedWatchlists(m);
      return { text: m.text, lang: m.lang, publishedAt: m.published_at.getTime(), ...(m.signal ? { signal: m.signal } : {}), ...(m.reach ? { reach: m.reach } : {}), ...(forced ? { forced } : {}) };
    }), deps.bucketSeconds);
    const columns = toColumns(unique, batch.scored);

    const { inserted, deltas } = await db.transaction().execute(async (trx) => {
      const insertedRows = await insertMentions(trx, source.id, columns);
      const ids = new Map<string, number>();
      for (const r of insertedRows) ids.set(r.external_id, r.id);
      // Usually everything was new and the precomputed increments stand (sample positions → ids);
      // with re-deliveries in the batch, count only what was really inserted.
      const allNew = insertedRows.length === unique.length;
      const stored: StoredScored[] = [];
      if (inTransaction || !allNew) {
        unique.forEach((mention, i) => { const id = ids.get(mention.external_id); if (id !== undefined) stored.push({ id, mention, scored: batch.scored[i]! }); });
      }
      const idAt = (i: number) => ids.get(unique[i]!.external_id)!;
      const bucketRows = allNew
        ? batch.deltas.map((d) => ({ ...d, sample_ids: d.sample_ids.map(idAt) }))
        : bucketDeltas(stored.map(deltaInput), deps.bucketSeconds);
      await upsertBucketsAndCount(trx, bucketRows, source.id, insertedRows.length);
      if (inTransaction) await inTransaction(trx, stored);
      return { inserted: ids, deltas: bucketRows };
    });

    const result: IngestResult = {
      accepted: inserted.size,
      duplicates: batchDuplicates + (unique.length - inserted.size),
      rejected: [],
      mentionIds: unique.filter((m) => inserted.has(m.external_id)).map((m) => inserted.get(m.external_id)!),
      touchedBuckets: deltas.map((d) => ({ watchlistId: d.watchlist_id, bucketStart: new Date(d.bucket_start) })),
    };
    deps.metrics?.mentionsIngested.inc({ source_kind: source.kind }, result.accepted);
    deps.metrics?.mentionsDuplicate.inc(result.duplicates);
    logger.debug({ sourceId: source.id, accepted: result.accepted, duplicates: result.duplicates }, 'mentions stored');
    if (deps.onCommitted && (result.accepted > 0)) {
      try {
        await deps.onCommitted(source, result);
      } catch (err) {
        logger.error({ err, sourceId: source.id }, 'post-commit processing failed');
      }
    }
    return result;
  }

  return { ingest, store };
}

export type IngestService = ReturnType<typeof createIngestService>;

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** The batch as one array per column, filled in one pass (no per-row objects to build and serialise). */
function toColumns(mentions: readonly ValidMention[], scored: readonly ScoredMention[]): MentionColumns {
  const c = emptyColumns();
  const withReach = mentions.some((m) => m.reach);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!, s = scored[i]!;
    c.external_id.push(m.external_id); c.text.push(m.text); c.author.push(m.author); c.url.push(m.url);
    c.published_at.push(m.published_at.toISOString()); c.lang.push(s.lang); c.sentiment.push(round(s.sentiment));
    c.label.push(s.label); c.risk.push(round(s.risk)); c.risk_terms.push(arrayLiteral(s.riskTerms));
    c.watchlist_ids.push(s.watchlists.length === 0 ? '{}' : s.watchlists.length === 1 ? `{${s.watchlists[0]!.id}}` : `{${s.watchlists.map((w) => w.id).join(',')}}`);
    if (withReach) {
      c.network.push(m.reach?.network ?? null); c.author_followers.push(m.reach?.followers ?? null); c.likes.push(m.reach?.likes ?? null);
      c.reposts.push(m.reach?.reposts ?? null); c.replies.push(m.reach?.replies ?? null);
    }
  }
  return c;
}

function forcedWatchlists(m: ValidMention): string[] | undefined {
  const ids = [...(m.watchlistIds ?? []), ...(m.signal?.watchlistId ? [m.signal.watchlistId] : [])];
  return ids.length ? ids : undefined;
}
