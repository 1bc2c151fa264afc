// Pilotfish's scorer: pure, deterministic, offline. The ingest pipeline calls `analyze` once per
// mention, then `scoreAnalyzed` with each watchlist's risk terms and `compiledQuery.matches(doc)`.
import { analyze, type AnalyzedText } from './analyze.js';
import type { Lang } from './language.js';
import { compileRiskTerms, findDefaultRiskTerms, riskScore, type CompiledRiskTerms, type RiskHit, type RiskTerm } from './risk.js';
import { DEFAULT_RISK_LEXICON } from './risk-lexicon.js';
import { sentimentOf, type SentimentLabel } from './sentiment.js';
import { extractTerms } from './terms.js';

export type { Lang } from './language.js';
export { detectLanguage } from './language.js';
export type { SentimentLabel } from './sentiment.js';
export { NEUTRAL_THRESHOLD } from './sentiment.js';
export type { RiskTerm, RiskHit, CompiledRiskTerms } from './risk.js';
export { compileRiskTerms, riskScore } from './risk.js';
export type { AnalyzedText } from './analyze.js';
export { analyze } from './analyze.js';
export type { CompiledQuery } from './query/compile.js';
export { compileQuery } from './query/compile.js';
export { QuerySyntaxError } from './query/errors.js';

/** French and English crisis lexicon used for every text, before a watchlist's own terms. */
export const DEFAULT_RISK_TERMS: RiskTerm[] = DEFAULT_RISK_LEXICON.map((t) => ({ ...t }));

export interface ScoreOptions {
  lang?: 'auto' | 'fr' | 'en';
  /** Extra per-watchlist terms on top of DEFAULT_RISK_TERMS. */
  riskTerms?: RiskTerm[];
}

export interface Score {
  lang: Lang;
  /** In [-1, 1]. */
  sentiment: number;
  label: SentimentLabel;
  /** In [0, 1]. */
  risk: number;
  riskHits: RiskHit[];
  /** Content words and bigrams, stop words removed, folded, for emerging-term detection. */
  terms: string[];
}

// Watchlists keep their term arrays for their lifetime: compile each array once.
const compiledExtras = new WeakMap<readonly RiskTerm[], CompiledRiskTerms>();

function extraTerms(riskTerms: readonly RiskTerm[] | CompiledRiskTerms | undefined): CompiledRiskTerms | undefined {
  if (!riskTerms) return undefined;
  if (!Array.isArray(riskTerms)) return riskTerms as CompiledRiskTerms;
  const list = riskTerms as readonly RiskTerm[];
  if (list.length === 0) return undefined;
  let compiled = compiledExtras.get(list);
  if (!compiled) compiledExtras.set(list, (compiled = compileRiskTerms(list)));
  return compiled;
}

/** Scores an analysed text; `riskTerms` may be a plain array (compiled and cached per array) or compiled. */
export function scoreAnalyzed(doc: AnalyzedText, options: { riskTerms?: RiskTerm[] | CompiledRiskTerms } = {}): Score {
  const { sentiment, label } = sentimentOf(doc);
  const extras = extraTerms(options.riskTerms);
  const riskHits = findDefaultRiskTerms(doc, extras);
  return { lang: doc.lang, sentiment, label, risk: riskScore(riskHits, sentiment), riskHits, terms: extractTerms(doc) };
}

export function scoreText(text: string, options: ScoreOptions = {}): Score {
  return scoreAnalyzed(analyze(text, options.lang ?? 'auto'), { riskTerms: options.riskTerms });
}
