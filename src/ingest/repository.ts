// All SQL of the ingest path. A batch travels as one array per column expanded by unnest(): one statement
// per batch whatever its size (no 65,535-parameter limit, no row-at-a-time inserts), no column names
// repeated per row (a JSON recordset spent most of its bytes and parse time on keys and nulls), and the
// source id sent once. Bucket increments and the source's collected count go in one more statement.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** A batch of new mentions of one source, column by column (index i of every array is one mention). */
export interface MentionColumns {
  external_id: string[]; text: string[]; author: (string | null)[]; url: (string | null)[]; published_at: string[];
  lang: string[]; sentiment: number[]; label: string[]; risk: number[];
  /** PostgreSQL array literals ('{"a","b"}'), one per mention: unnest() cannot carry ragged arrays. */
  risk_terms: string[]; watchlist_ids: string[];
  /** Empty when no mention of the batch has reach data: unnest() pads a shorter array with NULLs. */
  network: (string | null)[]; author_followers: (number | null)[]; likes: (number | null)[]; reposts: (number | null)[]; replies: (number | null)[];
}

export function emptyColumns(): MentionColumns {
  return { external_id: [], text: [], author: [], url: [], published_at: [], lang: [], sentiment: [], label: [], risk: [], risk_terms: [], watchlist_ids: [],
    network: [], author_followers: [], likes: [], reposts: [], replies: [] };
}

/** A PostgreSQL array literal of strings (each element quoted, quotes and backslashes escaped). */
export function arrayLiteral(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out += (i ? ',"' : '"') + (/["\\]/.test(v) ? v.replace(/[\\"]/g, '\\$&') : v) + '"';
  }
  return out + '}';
}

export interface BucketDelta {
  watchlist_id: string; bucket_start: string; bucket_seconds: number; count: number; negative: number; risk_sum: number;
  ambassador_reports: number; critical_reports: number; ambassadors: string[]; terms: Record<string, number>; sample_ids: number[];
}

/**
 * Inserts new mentions; re-deliveries (same source and external id) are skipped. Returns the inserted rows.
 * mentions is partitioned by collected_at, so (source_id, external_id) cannot be unique there: the keys go
 * to mention_keys first, in the same statement, and only the mentions whose key was new are stored.
 */
export async function insertMentions(db: Kysely<DB>, sourceId: string, c: MentionColumns): Promise<{ id: number; external_id: string }[]> {
  if (c.external_id.length === 0) return [];
  const result = await sql<{ id: number; external_id: string }>`
    WITH x AS (
      SELECT * FROM unnest(${c.external_id}::text[], ${c.text}::text[], ${c.author}::text[], ${c.url}::text[], ${c.published_at}::timestamptz[],
                ${c.lang}::text[], ${c.sentiment}::real[], ${c.label}::text[], ${c.risk}::real[], ${c.risk_terms}::text[], ${c.watchlist_ids}::text[],
                ${c.network}::text[], ${c.author_followers}::integer[], ${c.likes}::integer[], ${c.reposts}::integer[], ${c.replies}::integer[])
        AS x(external_id, text, author, url, published_at, lang, sentiment, label, risk, risk_terms, watchlist_ids,
             network, author_followers, likes, reposts, replies)
    ), fresh AS (
      INSERT INTO mention_keys (source_id, external_id) SELECT ${sourceId}::uuid, external_id FROM x
      ON CONFLICT (source_id, external_id) DO NOTHING
      RETURNING external_id
    )
    INSERT INTO mentions (source_id, external_id, text, author, url, published_at, lang, sentiment, label, risk, risk_terms, watchlist_ids,
                          network, author_followers, likes, reposts, replies)
    SELECT ${sourceId}::uuid, x.external_id, x.text, x.author, x.url, x.published_at, x.lang, x.sentiment, x.label, x.risk,
           x.risk_terms::text[], x.watchlist_ids::uuid[], x.network, x.author_followers, x.likes, x.reposts, x.replies
    FROM x JOIN fresh USING (external_id)
    RETURNING id, external_id`.execute(db);
  return result.rows.map((r) => ({ id: Number(r.id), external_id: r.external_id }));
}

export const TOP_TERMS_PER_BUCKET = 40;
export const SAMPLES_PER_BUCKET = 8;

/**
 * Adds deltas to the per-watchlist buckets and the inserted count to the source, in one statement.
 * Callers pass deltas sorted by (watchlist, bucket) so that concurrent batches lock rows in the same
 * order and cannot deadlock.
 */
export async function upsertBucketsAndCount(db: Kysely<DB>, deltas: BucketDelta[], sourceId: string, inserted: number): Promise<void> {
  if (deltas.length === 0 && inserted === 0) return;
  await sql`
    WITH counted AS (
      UPDATE sources SET items_collected = items_collected + ${inserted}::bigint WHERE id = ${sourceId}::uuid AND ${inserted}::bigint > 0
    )
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
