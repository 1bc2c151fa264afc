// The dashboard's mention list: scored mentions newest first, filtered by watchlist, time and label,
// with an opaque keyset cursor (published_at, id) so paging stays fast on a big table.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { SentimentLabel } from '../db/tables/mentions.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';

export interface MentionFilter { watchlistId?: string; sourceId?: string; since?: Date; until?: Date; label?: SentimentLabel; limit: number; cursor?: string; ids?: number[] }

export interface MentionView {
  id: number; source_id: string; source_kind: string; external_id: string; text: string; author: string | null; url: string | null;
  published_at: string; collected_at: string; lang: string; sentiment: number; label: SentimentLabel; risk: number;
  risk_terms: string[]; watchlist_ids: string[];
}

export async function listMentions(db: Kysely<DB>, f: MentionFilter): Promise<{ items: MentionView[]; next_cursor: string | null }> {
  let q = db.selectFrom('mentions as m').innerJoin('sources as s', 's.id', 'm.source_id')
    .select(['m.id', 'm.source_id', 's.kind as source_kind', 'm.external_id', 'm.text', 'm.author', 'm.url', 'm.published_at', 'm.collected_at',
      'm.lang', 'm.sentiment', 'm.label', 'm.risk', 'm.risk_terms', 'm.watchlist_ids'])
    .orderBy('m.published_at', 'desc').orderBy('m.id', 'desc').limit(f.limit + 1);
  if (f.watchlistId) q = q.where(sql<boolean>`m.watchlist_ids @> ARRAY[${f.watchlistId}]::uuid[]`);
  if (f.sourceId) q = q.where('m.source_id', '=', f.sourceId);
  if (f.since) q = q.where('m.published_at', '>=', f.since);
  if (f.until) q = q.where('m.published_at', '<', f.until);
  if (f.label) q = q.where('m.label', '=', f.label);
  if (f.ids) q = q.where('m.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.cursor) {
    const c = decodeCursor(f.cursor, /^\d+$/);
    q = q.where((eb) => eb.or([eb('m.published_at', '<', c.at), eb.and([eb('m.published_at', '=', c.at), eb('m.id', '<', Number(c.id))])]));
  }
  const rows = await q.execute();
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...r, id: Number(r.id), published_at: r.published_at.toISOString(), collected_at: r.collected_at.toISOString() })),
    next_cursor: rows.length > f.limit && last ? encodeCursor(last.published_at, Number(last.id)) : null,
  };
}
