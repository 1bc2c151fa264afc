// All SQL behind an alert's evidence: the mentions of its own watchlist and window chosen by kind, the
// ambassador reports behind it, the terms of its buckets, and the series of its window.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { SentimentLabel } from '../db/tables/mentions.js';
import type { SignalSeverity } from '../db/tables/signals.js';

export interface Window { start: Date; end: Date }
export interface EvidenceCandidate { id: number; text: string; label: SentimentLabel; risk: number; lang: string }
export interface ReportRow { mention_id: number; severity: SignalSeverity; channel: string | null }
export type MentionOrder = 'recent' | 'negative' | 'risky';

const inWatchlist = (watchlistId: string) => sql<boolean>`m.watchlist_ids @> ARRAY[${watchlistId}]::uuid[]`;

export const evidenceRepository = {
  /** Mentions of the watchlist published in the window, ordered for the kind of alert. */
  async mentionsInWindow(db: Kysely<DB>, watchlistId: string, w: Window, order: MentionOrder, limit: number): Promise<EvidenceCandidate[]> {
    let q = db.selectFrom('mentions as m').select(['m.id', 'm.text', 'm.label', 'm.risk', 'm.lang'])
      .where(inWatchlist(watchlistId)).where('m.published_at', '>=', w.start).where('m.published_at', '<', w.end)
      .where('m.deleted_at', 'is', null);
    if (order === 'negative') q = q.where('m.label', '=', 'negative').orderBy('m.sentiment', 'asc');
    if (order === 'risky') q = q.where('m.risk', '>', 0).orderBy('m.risk', 'desc');
    const rows = await q.orderBy('m.published_at', 'desc').orderBy('m.id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  },

  /** Ambassador reports filed under the watchlist in the window: critical first, then the most recent. */
  async reportsInWindow(db: Kysely<DB>, watchlistId: string, w: Window, limit: number): Promise<ReportRow[]> {
    const rows = await db.selectFrom('signals as s').innerJoin('mentions as m', 'm.id', 's.mention_id')
      .select(['s.mention_id', 's.severity', 's.channel'])
      .where(inWatchlist(watchlistId)).where('m.published_at', '>=', w.start).where('m.published_at', '<', w.end)
      .orderBy(sql`CASE s.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`)
      .orderBy('m.published_at', 'desc').orderBy('m.id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ mention_id: Number(r.mention_id), severity: r.severity, channel: r.channel }));
  },

  /** Buckets of the watchlist in a range (missing buckets are zero). */
  buckets: (db: Kysely<DB>, watchlistId: string, from: Date, to: Date) =>
    db.selectFrom('buckets').select(['bucket_start', 'bucket_seconds', 'count', 'negative', 'terms'])
      .where('watchlist_id', '=', watchlistId).where('bucket_start', '>=', from).where('bucket_start', '<', to)
      .orderBy('bucket_start').execute(),
};
