// Turns a batch of scored mentions into per-(watchlist, bucket) increments, pure and in memory, so the
// database sees one upsert row per bucket touched rather than one per mention.
import type { BucketDelta } from './repository.js';
import { SAMPLES_PER_BUCKET, TOP_TERMS_PER_BUCKET } from './repository.js';
import { reachWeight } from './reach.js';
import type { Reach, ScoredMention, ValidMention } from './types.js';

/** Start (epoch ms) of the bucket an instant falls in. */
export function bucketStartOf(epochMs: number, bucketSeconds: number): number {
  const size = bucketSeconds * 1000;
  return Math.floor(epochMs / size) * size;
}

export interface StoredScored { id: number; mention: ValidMention; scored: ScoredMention }

/** What aggregation needs of a mention (plain data, so a scoring thread can aggregate too). */
export interface DeltaInput { id: number; publishedAt: number; signal?: ValidMention['signal']; reach?: Reach | undefined; scored: ScoredMention }

export function deltaInput(s: StoredScored): DeltaInput {
  return { id: s.id, publishedAt: s.mention.published_at.getTime(), signal: s.mention.signal, reach: s.mention.reach, scored: s.scored };
}

export function bucketDeltas(items: readonly DeltaInput[], bucketSeconds: number): BucketDelta[] {
  // Keyed by watchlist then bucket start (a number): no key strings or ISO dates built per mention.
  const byWatchlist = new Map<string, Map<number, BucketDelta & { termCounts: Map<string, number> }>>();
  for (const { id, publishedAt, signal, reach, scored } of items) {
    if (scored.watchlists.length === 0) continue;
    // A post seen by many weighs more in the risk sum (src/ingest/reach.ts); counts stay counts.
    const weight = reach ? reachWeight(reach) : 1;
    const start = bucketStartOf(publishedAt, bucketSeconds);
    const terms = scored.terms.length > 1 ? new Set(scored.terms) : scored.terms;
    for (const wl of scored.watchlists) {
      let buckets = byWatchlist.get(wl.id);
      if (!buckets) byWatchlist.set(wl.id, (buckets = new Map()));
      let d = buckets.get(start);
      if (!d) {
        d = { watchlist_id: wl.id, bucket_start: new Date(start).toISOString(), bucket_seconds: bucketSeconds, count: 0, negative: 0, risk_sum: 0,
          ambassador_reports: 0, critical_reports: 0, ambassadors: [], terms: {}, sample_ids: [], termCounts: new Map() };
        buckets.set(start, d);
      }
      d.count += 1;
      if (scored.label === 'negative') d.negative += 1;
      d.risk_sum += wl.risk * weight;
      if (signal) {
        d.ambassador_reports += 1;
        if (signal.severity === 'critical') d.critical_reports += 1;
        if (!d.ambassadors.includes(signal.userId)) d.ambassadors.push(signal.userId);
      }
      for (const term of terms) d.termCounts.set(term, (d.termCounts.get(term) ?? 0) + 1);
      // Prefer telling samples: negative or risky mentions first, then anything.
      if (d.sample_ids.length < SAMPLES_PER_BUCKET && (scored.label === 'negative' || wl.risk > 0 || d.sample_ids.length < 2)) d.sample_ids.push(id);
    }
  }
  const out: BucketDelta[] = [];
  for (const buckets of byWatchlist.values()) {
    for (const { termCounts, ...d } of buckets.values()) {
      out.push({
        ...d,
        risk_sum: Math.round(d.risk_sum * 1e6) / 1e6,
        terms: Object.fromEntries([...termCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_TERMS_PER_BUCKET)),
      });
    }
  }
  return out.sort((a, b) => (a.watchlist_id < b.watchlist_id ? -1 : a.watchlist_id > b.watchlist_id ? 1 : a.bucket_start < b.bucket_start ? -1 : 1));
}
