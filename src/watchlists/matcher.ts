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

/** Keeps compiled watchlists fresh: reloads at most every `ttlMs`, recompiling only changed ones. */
export function createWatchlistCache(db: Kysely<DB>, logger: Logger, ttlMs = 5000) {
  let compiled = new Map<string, CompiledWatchlist>();
  let scorer: MentionScorer = createMentionScorer([]);
  let loadedAt = 0;
  let loading: Promise<MentionScorer> | null = null;

  async function reload(): Promise<MentionScorer> {
    const rows = await db.selectFrom('watchlists').select(['id', 'query', 'risk_terms', 'updated_at'])
      .where('deleted_at', 'is', null).where('enabled', '=', true).orderBy('created_at').execute();
    const next = new Map<string, CompiledWatchlist>();
    for (const row of rows) {
      const version = row.updated_at.toISOString();
      const cached = compiled.get(row.id);
      if (cached?.version === version) { next.set(row.id, cached); continue; }
      try {
        next.set(row.id, { id: row.id, version, query: compileQuery(row.query), riskTerms: row.risk_terms.length ? compileRiskTerms(row.risk_terms) : null });
      } catch (err) {
        // Queries are validated on write; a stored query that no longer compiles is skipped, loudly.
        logger.error({ watchlistId: row.id, err: (err as Error).message }, 'watchlist query does not compile; skipped');
      }
    }
    compiled = next;
    scorer = createMentionScorer([...next.values()]);
    loadedAt = Date.now();
    return scorer;
  }

  return {
    async get(): Promise<MentionScorer> {
      if (Date.now() - loadedAt < ttlMs) return scorer;
      loading ??= reload().finally(() => { loading = null; });
      return loading;
    },
    /** After a local change: the next get() reloads. Other instances catch up within the TTL. */
    invalidate(): void { loadedAt = 0; },
  };
}
