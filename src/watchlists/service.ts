// Watchlists: a named boolean query over mentions plus weighted risk terms. Queries are compiled on write,
// so a syntax error comes back as a 400 with its position and never reaches the pipeline.
import type { Kysely } from 'kysely';
import { audit } from '../audit/audit.js';
import type { DB } from '../db/schema.js';
import type { WatchlistRow } from '../db/tables/watchlists.js';
import { analyze, compileQuery, QuerySyntaxError, type CompiledQuery } from '../scoring/index.js';
import type { Actor } from '../shared/actor.js';
import { badRequest, conflict, notFound } from '../shared/errors.js';

export interface RiskTermInput { term: string; weight: number }
export interface WatchlistInput { name: string; query: string; risk_terms?: RiskTermInput[]; enabled?: boolean }
export interface WatchlistView { id: string; name: string; query: string; risk_terms: RiskTermInput[]; enabled: boolean; created_at: string; updated_at: string }

export function watchlistView(w: WatchlistRow): WatchlistView {
  return { id: w.id, name: w.name, query: w.query, risk_terms: w.risk_terms, enabled: w.enabled, created_at: w.created_at.toISOString(), updated_at: w.updated_at.toISOString() };
}

/** Whether a watchlist exists and is not deleted (for everything that files under a watchlist). */
export async function watchlistExists(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db.selectFrom('watchlists').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

export function compileOrThrow(query: string): CompiledQuery {
  try {
    return compileQuery(query);
  } catch (err) {
    if (err instanceof QuerySyntaxError) {
      throw badRequest('query', `${err.reason} at position ${err.position}`, 'query_syntax', { position: err.position });
    }
    throw err;
  }
}

function cleanRiskTerms(terms: RiskTermInput[] | undefined): RiskTermInput[] {
  const seen = new Set<string>();
  return (terms ?? []).flatMap((t, i) => {
    const term = t.term.trim();
    if (!term) throw badRequest(`risk_terms[${i}].term`, 'must not be empty');
    if (!(t.weight > 0 && t.weight <= 10)) throw badRequest(`risk_terms[${i}].weight`, 'must be in (0, 10]');
    const key = term.toLowerCase();
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ term, weight: t.weight }];
  });
}

/** `onCreated` runs in the transaction that creates a watchlist (it queues the watchlist's backfill). */
export function createWatchlistsService(db: Kysely<DB>, onChange: () => void, hooks: { onCreated?: (trx: Kysely<DB>, watchlistId: string) => Promise<unknown> } = {}) {
  async function assertNameFree(name: string, exceptId?: string) {
    let q = db.selectFrom('watchlists').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase())).where('deleted_at', 'is', null);
    if (exceptId) q = q.where('id', '!=', exceptId);
    if (await q.executeTakeFirst()) throw conflict(`a watchlist named "${name}" already exists`, 'name_taken');
  }

  return {
    async create(actor: Actor, input: WatchlistInput): Promise<WatchlistView> {
      const name = input.name.trim();
      if (!name) throw badRequest('name', 'must not be empty');
      compileOrThrow(input.query);
      const riskTerms = cleanRiskTerms(input.risk_terms);
      await assertNameFree(name);
      const row = await db.transaction().execute(async (trx) => {
        const w = await trx.insertInto('watchlists').values({
          name, query: input.query.trim(), risk_terms: JSON.stringify(riskTerms), enabled: input.enabled ?? true, created_by: actor.id,
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, actor, { action: 'watchlist.created', entityType: 'watchlist', entityId: w.id, details: { name, query: w.query } });
        await hooks.onCreated?.(trx, w.id);
        return w;
      });
      onChange();
      return watchlistView(row);
    },

    async list(): Promise<WatchlistView[]> {
      const rows = await db.selectFrom('watchlists').selectAll().where('deleted_at', 'is', null).orderBy('name').execute();
      return rows.map(watchlistView);
    },

    async get(id: string): Promise<WatchlistView> {
      const row = await db.selectFrom('watchlists').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!row) throw notFound('watchlist');
      return watchlistView(row);
    },

    async update(actor: Actor, id: string, patch: Partial<WatchlistInput>): Promise<WatchlistView> {
      if (patch.query !== undefined) compileOrThrow(patch.query);
      if (patch.name !== undefined) await assertNameFree(patch.name.trim(), id);
      const row = await db.transaction().execute(async (trx) => {
        const w = await trx.updateTable('watchlists').set({
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.query !== undefined ? { query: patch.query.trim() } : {}),
          ...(patch.risk_terms !== undefined ? { risk_terms: JSON.stringify(cleanRiskTerms(patch.risk_terms)) } : {}),
          ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
          updated_at: new Date(),
        }).where('id', '=', id).where('deleted_at', 'is', null).returningAll().executeTakeFirst();
        if (!w) throw notFound('watchlist');
        await audit(trx, actor, { action: 'watchlist.updated', entityType: 'watchlist', entityId: id, details: { ...patch } });
        return w;
      });
      onChange();
      return watchlistView(row);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const w = await trx.updateTable('watchlists').set({ deleted_at: new Date(), enabled: false, updated_at: new Date() })
          .where('id', '=', id).where('deleted_at', 'is', null).returning('name').executeTakeFirst();
        if (!w) throw notFound('watchlist');
        await audit(trx, actor, { action: 'watchlist.deleted', entityType: 'watchlist', entityId: id, details: { name: w.name } });
      });
      onChange();
    },

    /** Runs a query against recent mentions so a user sees what it would catch before saving it. */
    async test(query: string, options: { days: number; scan: number; limit: number }) {
      const compiled = compileOrThrow(query);
      const since = new Date(Date.now() - options.days * 86400_000);
      const rows = await db.selectFrom('mentions').select(['id', 'text', 'author', 'url', 'published_at', 'lang', 'label', 'sentiment', 'risk'])
        .where('published_at', '>=', since).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(options.scan).execute();
      // Analysing 5,000 texts takes seconds: do it in slices and yield between them, so one test query never
      // stalls every other request and socket of the process.
      const matches: typeof rows = [];
      for (let start = 0; start < rows.length; start += TEST_SLICE) {
        if (start > 0) await new Promise((resolve) => setImmediate(resolve));
        for (const r of rows.slice(start, start + TEST_SLICE)) {
          if (compiled.matches(analyze(r.text, r.lang === 'fr' || r.lang === 'en' ? r.lang : 'auto'))) matches.push(r);
        }
      }
      return {
        scanned: rows.length,
        matched: matches.length,
        samples: matches.slice(0, options.limit).map((r) => ({ ...r, id: Number(r.id), published_at: r.published_at.toISOString() })),
      };
    },
  };
}

/** Mentions analysed between two yields to the event loop (a few milliseconds of work). */
const TEST_SLICE = 50;

export type WatchlistsService = ReturnType<typeof createWatchlistsService>;
