// All SQL of the watchlist backfill: the queue row, the batch of stored mentions to look at, tagging the
// matches with the watchlist (only those not tagged yet, so a mention is never counted twice).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { SignalSeverity } from '../db/tables/signals.js';

export interface StoredMention {
  id: number; text: string; lang: string; published_at: Date;
  network: string | null; author_followers: number | null; likes: number | null; reposts: number | null; replies: number | null;
  signal_user_id: string | null; signal_severity: SignalSeverity | null;
}

export const backfillRepository = {
  enqueue: (db: Kysely<DB>, watchlistId: string, since: Date, notBefore: Date) =>
    db.insertInto('watchlist_backfills').values({ watchlist_id: watchlistId, since, not_before: notBefore })
      .onConflict((oc) => oc.column('watchlist_id').doUpdateSet({ since, not_before: notBefore, until_id: null, cursor_id: 0, scanned: 0, matched: 0, finished_at: null }))
      .execute(),

  /** One due backfill, locked for this transaction; other instances skip it. */
  claim: (db: Kysely<DB>, now: Date) =>
    db.selectFrom('watchlist_backfills as b').innerJoin('watchlists as w', 'w.id', 'b.watchlist_id')
      .select(['b.watchlist_id', 'b.since', 'b.until_id', 'b.cursor_id', 'b.scanned', 'b.matched', 'w.query', 'w.risk_terms', 'w.deleted_at'])
      .where('b.finished_at', 'is', null).where('b.not_before', '<=', now)
      .orderBy('b.not_before').limit(1).forUpdate('b').skipLocked().executeTakeFirst(),

  async maxMentionId(db: Kysely<DB>): Promise<number> {
    const row = await db.selectFrom('mentions').select(sql<string | null>`max(id)`.as('id')).executeTakeFirst();
    return Number(row?.id ?? 0);
  },

  /** The next stored mentions by id, within retention, with the ambassador report each came from. */
  async batch(db: Kysely<DB>, after: number, untilId: number, since: Date, limit: number): Promise<StoredMention[]> {
    const rows = await db.selectFrom('mentions as m').leftJoin('signals as s', 's.mention_id', 'm.id')
      .select(['m.id', 'm.text', 'm.lang', 'm.published_at', 'm.network', 'm.author_followers', 'm.likes', 'm.reposts', 'm.replies', 's.user_id as signal_user_id', 's.severity as signal_severity'])
      .where('m.id', '>', after).where('m.id', '<=', untilId).where('m.published_at', '>=', since).where('m.deleted_at', 'is', null)
      .orderBy('m.id').limit(limit).execute();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  },

  /** Files the mentions under the watchlist; returns the ids that were not filed there yet. */
  async tag(db: Kysely<DB>, watchlistId: string, ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await sql<{ id: string }>`
      UPDATE mentions SET watchlist_ids = array_append(watchlist_ids, ${watchlistId}::uuid)
      WHERE id = ANY(${ids.map(String)}::bigint[]) AND NOT (${watchlistId}::uuid = ANY(watchlist_ids))
      RETURNING id`.execute(db);
    return rows.rows.map((r) => Number(r.id));
  },

  progress: (db: Kysely<DB>, watchlistId: string, patch: { until_id?: number; cursor_id: number; scanned: number; matched: number; finished_at: Date | null }) =>
    db.updateTable('watchlist_backfills').set(patch).where('watchlist_id', '=', watchlistId).execute(),

  status: (db: Kysely<DB>, watchlistId: string) =>
    db.selectFrom('watchlist_backfills').selectAll().where('watchlist_id', '=', watchlistId).executeTakeFirst(),
};
