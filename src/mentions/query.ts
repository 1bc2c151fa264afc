// The dashboard's mention list: scored mentions newest first, filtered by watchlist, time and label,
// with an opaque keyset cursor (published_at, id) so paging stays fast on a big table.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import type { SentimentLabel } from '../db/tables/mentions.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { isStatementTimeout } from '../db/errors.js';

export interface MentionFilter { watchlistId?: string; sourceId?: string; since?: Date; until?: Date; label?: SentimentLabel; limit: number; cursor?: string; ids?: number[] }

export interface MentionView {
  id: number; source_id: string; source_kind: string; external_id: string; text: string; author: string | null; url: string | null;
  published_at: string; collected_at: string; lang: string; sentiment: number; label: SentimentLabel; risk: number;
  risk_terms: string[]; watchlist_ids: string[];
}

/**
 * How long the newest-first index walk may run before the list is fetched the other way. The walk is ideal when
 * the filter matches often (it stops after one page), hopeless when it matches rarely or never: on two million
 * mentions a watchlist + label + source filter matching nothing read the whole index for 5 s, because the
 * planner cannot know the combination is empty. Past this budget the query is re-run with index intersection
 * (bitmaps of the filter's indexes, then a sort of the few rows they leave), which is fast exactly then.
 */
const ORDERED_WALK_BUDGET_MS = 100;

/** `orderedWalkBudgetMs: 0` skips the walk (tests compare both ways of reading). */
export async function listMentions(db: Kysely<DB>, f: MentionFilter, { orderedWalkBudgetMs = ORDERED_WALK_BUDGET_MS } = {}): Promise<{ items: MentionView[]; next_cursor: string | null }> {
  const selective = Boolean(f.watchlistId || f.sourceId || f.label);
  if (!selective || f.ids) return page(await mentionQuery(db, f).execute(), f.limit);
  if (orderedWalkBudgetMs > 0) {
    try {
      return page(await readWith(db, f, sql`SET LOCAL statement_timeout = ${sql.lit(orderedWalkBudgetMs)}`), f.limit);
    } catch (err) {
      if (!isStatementTimeout(err)) throw err;
    }
  }
  return page(await readWith(db, f, sql`SET LOCAL enable_indexscan = off`), f.limit);
}

/** Runs the list query in its own transaction, under a planner or timeout setting that ends with it. */
function readWith(db: Kysely<DB>, f: MentionFilter, setting: RawBuilder<unknown>) {
  return db.transaction().execute(async (trx) => {
    await setting.execute(trx);
    return mentionQuery(trx, f).execute();
  });
}

function mentionQuery(db: Kysely<DB>, f: MentionFilter) {
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
  return q;
}

type MentionRow = Awaited<ReturnType<ReturnType<typeof mentionQuery>['execute']>>[number];

function page(rows: MentionRow[], limit: number): { items: MentionView[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({ ...r, id: Number(r.id), published_at: r.published_at.toISOString(), collected_at: r.collected_at.toISOString() })),
    next_cursor: rows.length > limit && last ? encodeCursor(last.published_at, Number(last.id)) : null,
  };
}
