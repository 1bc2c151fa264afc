// All SQL of the ingest path. Rows travel as one JSON parameter expanded by jsonb_to_recordset: one
// statement per batch whatever its size (no 65,535-parameter limit, no row-at-a-time inserts).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface MentionInsert {
  source_id: string; external_id: string; text: string; author: string | null; url: string | null;
  published_at: string; lang: string; sentiment: number; label: string; risk: number; risk_terms: string[]; watchlist_ids: string[];
  network: string | null; author_followers: number | null; likes: number | null; reposts: number | null; replies: number | null;
}

export interface BucketDelta {
  watchlist_id: string; bucket_start: string; bucket_seconds: number; count: number; negative: number; risk_sum: number;
  ambassador_reports: number; critical_reports: number; ambassadors: string[]; terms: Record<string, number>; sample_ids: number[];
}

/** Inserts new mentions; re-deliveries (same source and external id) are skipped. Returns the inserted rows. */
export async function insertMentions(db: Kysely<DB>, rows: MentionInsert[]): Promise<{ id: number; external_id: string }[]> {
  if (rows.length === 0) return [];
  const result = await sql<{ id: number; external_id: string }>`
    INSERT INTO mentions (source_id, external_id, text, author, url, published_at, lang, sentiment, label, risk, risk_terms, watchlist_ids,
                          network, author_followers, likes, reposts, replies)
    SELECT source_id, external_id, text, author, url, published_at, lang, sentiment, label, risk, risk_terms, watchlist_ids,
           network, author_followers, likes, reposts, replies
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
      source_id uuid, external_id text, text text, author text, url text, published_at timestamptz, lang text,
      sentiment real, label text, risk real, risk_terms text[], watchlist_ids uuid[],
      network text, author_followers integer, likes integer, reposts integer, replies integer)
    ON CONFLICT (source_id, external_id) DO NOTHING
    RETURNING id, external_id`.execute(db);
  return result.rows.map((r) => ({ id: Number(r.id), external_id: r.external_id }));
}

export const TOP_TERMS_PER_BUCKET = 40;
export const SAMPLES_PER_BUCKET = 8;

/**
 * Adds deltas to the per-watchlist buckets. Callers pass deltas sorted by (watchlist, bucket) so that
 * concurrent batches lock rows in the same order and cannot deadlock.
 */
export async function upsertBuckets(db: Kysely<DB>, deltas: BucketDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await sql`
    INSERT INTO buckets AS b (watchlist_id, bucket_start, bucket_seconds, count, negative, risk_sum, ambassador_reports,
                              critical_reports, ambassadors, terms, sample_ids, updated_at)
    SELECT watchlist_id, bucket_start, bucket_seconds, count, negative, risk_sum, ambassador_reports,
           critical_reports, ambassadors, terms, sample_ids, now()
    FROM jsonb_to_recordset(${JSON.stringify(deltas)}::jsonb) AS x(
      watchlist_id uuid, bucket_start timestamptz, bucket_seconds integer, count integer, negative integer, risk_sum float8,
      ambassador_reports integer, critical_reports integer, ambassadors uuid[], terms jsonb, sample_ids bigint[])
    ON CONFLICT (watchlist_id, bucket_start) DO UPDATE SET
      count = b.count + EXCLUDED.count,
      negative = b.negative + EXCLUDED.negative,
      risk_sum = b.risk_sum + EXCLUDED.risk_sum,
      ambassador_reports = b.ambassador_reports + EXCLUDED.ambassador_reports,
      critical_reports = b.critical_reports + EXCLUDED.critical_reports,
      ambassadors = ARRAY(SELECT DISTINCT a FROM unnest(b.ambassadors || EXCLUDED.ambassadors) AS a),
      -- Keep the heaviest terms only: a bounded, approximate top-k per bucket.
      terms = (SELECT coalesce(jsonb_object_agg(k, n), '{}'::jsonb) FROM (
                 SELECT k, sum(n) AS n FROM (
                   SELECT key AS k, value::numeric AS n FROM jsonb_each_text(b.terms)
                   UNION ALL SELECT key, value::numeric FROM jsonb_each_text(EXCLUDED.terms)) s
                 GROUP BY k ORDER BY sum(n) DESC, k LIMIT ${TOP_TERMS_PER_BUCKET}) t),
      sample_ids = (b.sample_ids || EXCLUDED.sample_ids)[1:${SAMPLES_PER_BUCKET}],
      updated_at = now()`.execute(db);
}

export async function addCollected(db: Kysely<DB>, sourceId: string, count: number): Promise<void> {
  if (count === 0) return;
  await db.updateTable('sources').set((eb) => ({ items_collected: eb('items_collected', '+', count) })).where('id', '=', sourceId).execute();
}
