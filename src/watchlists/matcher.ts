// The production scorer behind the ingest pipeline's MentionScorer interface: analyse a mention once,
// score sentiment and default risk once, then test each watchlist's compiled query and add its own
// risk terms. Watchlists are compiled once per version and cached.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.js';
import type { MentionScorer, ScoredMention } from '../ingest/types.js';
import { analyze, compileQuery, compileRiskTerms, scoreAnalyzed, type CompiledQuery, type CompiledRiskTerms } from '../scoring/index.js';
import { findRiskTerms, riskScore } from '../scoring/risk.js';

export interface CompiledWatchlist { id: string; version: string; query: CompiledQuery; riskTerms: CompiledRiskTerms | null }

export function createMentionScorer(watchlists: readonly CompiledWatchlist[]): MentionScorer {
  return {
    score(text, lang, forced): ScoredMention {
      const doc = analyze(text, lang ?? 'auto');
      const base = scoreAnalyzed(doc);
      const matched: ScoredMention['watchlists'] = [];
      for (const wl of watchlists) {
        if (!wl.query.matches(doc) && !forced?.includes(wl.id)) continue;
        let risk = base.risk;
        if (wl.riskTerms) {
          const extra = findRiskTerms(doc, [wl.riskTerms]);
          if (extra.length) risk = riskScore([...base.riskHits, ...extra], base.sentiment);
        }
        matched.push({ id: wl.id, risk });
      }
      return {
        lang: base.lang, sentiment: base.sentiment, label: base.label, risk: base.risk,
        riskTerms: base.riskHits.map((h) => h.term), terms: base.terms, watchlists: matched,
      };
    },
  };
}

/** What a watchlist contributes to scoring, as stored. `version` changes whenever it is edited. */
export interface WatchlistDefinition { id: string; version: string; query: string; risk_terms: { term: string; weight: number }[] }

/** Compiles definitions, reusing the previous compilation of any watchlist whose version is unchanged. */
export function compileWatchlists(defs: readonly WatchlistDefinition[], previous: ReadonlyMap<string, CompiledWatchlist>, onError: (id: string, err: Error) => void): Map<string, CompiledWatchlist> {
  const next = new Map<string, CompiledWatchlist>();
  for (const def of defs) {
    const cached = previous.get(def.id);
    if (cached?.version === def.version) { next.set(def.id, cached); continue; }
    try {
      next.set(def.id, { id: def.id, version: def.version, query: compileQuery(def.query), riskTerms: def.risk_terms.length ? compileRiskTerms(def.risk_terms) : null });
    } catch (err) {
      // Queries are validated on write; a stored query that no longer compiles is skipped, loudly.
      onError(def.id, err as Error);
    }
  }
  return next;
}

/** Keeps compiled watchlists fresh: reloads at most every `ttlMs`, recompiling only changed ones. */
export function createWatchlistCache(db: Kysely<DB>, logger: Logger, ttlMs = 5000) {
  let compiled = new Map<string, CompiledWatchlist>();
  let current = { defs: [] as WatchlistDefinition[], stamp: '', scorer: createMentionScorer([]) };
  let loadedAt = 0;
  let loading: Promise<typeof current> | null = null;

  async function reload(): Promise<typeof current> {
    const rows = await db.selectFrom('watchlists').select(['id', 'query', 'risk_terms', 'updated_at'])
      .where('deleted_at', 'is', null).where('enabled', '=', true).orderBy('created_at').execute();
    const defs = rows.map((r) => ({ id: r.id, version: r.updated_at.toISOString(), query: r.query, risk_terms: r.risk_terms }));
    compiled = compileWatchlists(defs, compiled, (id, err) => logger.error({ watchlistId: id, err: err.message }, 'watchlist query does not compile; skipped'));
    current = { defs, stamp: defs.map((d) => `${d.id}@${d.version}`).join(','), scorer: createMentionScorer([...compiled.values()]) };
    loadedAt = Date.now();
    return current;
  }

  async function load(): Promise<typeof current> {
    if (Date.now() - loadedAt < ttlMs) return current;
    loading ??= reload().finally(() => { loading = null; });
    return loading;
  }

  return {
    /** The in-process scorer for the current watchlists. */
    get: async (): Promise<MentionScorer> => (await load()).scorer,
    /** The current definitions and a stamp that changes when any of them does (for scoring threads). */
    definitions: async () => { const c = await load(); return { defs: c.defs, stamp: c.stamp }; },
    /** The compiled watchlists themselves (stream connectors match the firehose before storing). */
    compiled: async (): Promise<CompiledWatchlist[]> => { await load(); return [...compiled.values()]; },
    /** After a local change: the next get() reloads. Other instances catch up within the TTL. */
    invalidate(): void { loadedAt = 0; },
  };
}
