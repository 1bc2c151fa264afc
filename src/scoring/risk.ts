// Risk terms: words and phrases that announce a crisis (a data breach, a product recall, a strike),
// matched on folded and stemmed words so that "Grèves", "greve" and "grèves" all count, and combined
// with negativity into a risk score in [0, 1].
import type { AnalyzedText } from './analyze.js';
import { DEFAULT_RISK_LEXICON } from './risk-lexicon.js';
import { stemFolded } from './stem.js';
import { tokenize } from './tokenize.js';

export interface RiskTerm { term: string; weight: number }
export interface RiskHit { term: string; weight: number; count: number }

interface CompiledTerm {
  term: string;
  weight: number;
  words: string[];
  stems: { fr: string[]; en: string[] };
}

/**
 * Risk terms compiled for matching, indexed by their first word: folded as written, and its French and
 * English stems. Separate maps keep the lookup of a text's word free of key building.
 */
export interface CompiledRiskTerms {
  byWord: Map<string, CompiledTerm[]>;
  byStem: { fr: Map<string, CompiledTerm[]>; en: Map<string, CompiledTerm[]> };
  /** Every key of the three maps: a word that is none of them (nor its stems) starts no term. */
  firstKeys: Set<string>;
}

/** Saturation of the term evidence: a single weight-4 term gives 1 − e^(−1) ≈ 0.63. */
const TERM_SCALE = 4;
/** Share of the term evidence kept whatever the sentiment; the rest follows negativity. */
const TERM_FLOOR = 0.7;
/** A very negative text with no risk term still deserves some attention. */
const NEGATIVITY_ONLY = 0.2;

function termWords(term: string): string[] {
  return tokenize(term).filter((t) => t.kind === 'word' || t.kind === 'hashtag' || t.kind === 'number').map((t) => t.norm);
}

function addTo(index: Map<string, CompiledTerm[]>, key: string, term: CompiledTerm): void {
  const list = index.get(key);
  if (list) list.push(term);
  else index.set(key, [term]);
}

export function compileRiskTerms(terms: readonly RiskTerm[]): CompiledRiskTerms {
  const compiled: CompiledRiskTerms = { byWord: new Map(), byStem: { fr: new Map(), en: new Map() }, firstKeys: new Set() };
  for (const { term, weight } of terms) {
    const words = termWords(term);
    const first = words[0];
    if (first === undefined || !(weight > 0)) continue;
    const entry: CompiledTerm = {
      term, weight, words,
      stems: { fr: words.map((w) => stemFolded(w, 'fr')), en: words.map((w) => stemFolded(w, 'en')) },
    };
    addTo(compiled.byWord, first, entry);
    addTo(compiled.byStem.fr, entry.stems.fr[0]!, entry);
    addTo(compiled.byStem.en, entry.stems.en[0]!, entry);
    compiled.firstKeys.add(first).add(entry.stems.fr[0]!).add(entry.stems.en[0]!);
  }
  return compiled;
}

function wordMatches(doc: AnalyzedText, pos: number, term: CompiledTerm, k: number): boolean {
  if (doc.words[pos] === term.words[k]) return true;
  for (const lang of doc.stemLangs) if (doc.stems[lang]?.[pos] === term.stems[lang][k]) return true;
  return false;
}

function matchesAt(doc: AnalyzedText, pos: number, term: CompiledTerm): boolean {
  if (pos + term.words.length > doc.words.length) return false;
  for (let k = 0; k < term.words.length; k++) if (!wordMatches(doc, pos + k, term, k)) return false;
  return true;
}

interface Match { term: CompiledTerm; pos: number }

function isCovered(covered: Uint8Array, start: number, end: number): boolean {
  for (let p = start; p < end; p++) if (covered[p] === 1) return true;
  return false;
}

/** Adds the terms of `candidates` that match at `pos`, once each: a term may be listed under its word and its stems. */
function collect(doc: AnalyzedText, pos: number, candidates: readonly CompiledTerm[] | undefined, matches: Match[], posStart: number): void {
  if (candidates === undefined) return;
  for (const term of candidates) {
    if (!matchesAt(doc, pos, term)) continue;
    let seen = false;
    for (let m = posStart; m < matches.length && !seen; m++) seen = matches[m]!.term === term;
    if (!seen) matches.push({ term, pos });
  }
}

const stemIndex = (set: CompiledRiskTerms, lang: 'fr' | 'en'): Map<string, CompiledTerm[]> => (lang === 'fr' ? set.byStem.fr : set.byStem.en);

/** False when neither the word at `pos` nor its stems is a first key: no term can start there. */
function mayStartTerm(firstKeys: ReadonlySet<string>, word: string, stemLists: ReadonlyArray<readonly string[] | undefined>, pos: number): boolean {
  if (firstKeys.has(word)) return true;
  for (const stems of stemLists) {
    const stem = stems?.[pos];
    // Short words are their own stem: no need to look them up twice.
    if (stem !== undefined && stem !== word && firstKeys.has(stem)) return true;
  }
  return false;
}

/** Every risk term found in the text, with how many times it occurs; the longest term wins where two overlap. */
export function findRiskTerms(doc: AnalyzedText, compiled: readonly CompiledRiskTerms[]): RiskHit[] {
  return searchRiskTerms(doc, compiled, compiled.length === 1 ? compiled[0]!.firstKeys : undefined);
}

const withDefaultKeys = new WeakMap<CompiledRiskTerms, { sets: CompiledRiskTerms[]; firstKeys: Set<string> }>();

/** The default lexicon's hits and, when given, a watchlist's own terms': `findRiskTerms(doc, [default, extras])`. */
export function findDefaultRiskTerms(doc: AnalyzedText, extras?: CompiledRiskTerms): RiskHit[] {
  const defaults = defaultRiskTerms();
  if (extras === undefined) return searchRiskTerms(doc, [defaults], defaults.firstKeys);
  let both = withDefaultKeys.get(extras);
  if (!both) withDefaultKeys.set(extras, (both = { sets: [defaults, extras], firstKeys: new Set([...defaults.firstKeys, ...extras.firstKeys]) }));
  return searchRiskTerms(doc, both.sets, both.firstKeys);
}

/** `firstKeys`, when given, holds the first keys of every set: positions that start no term are skipped in one lookup. */
function searchRiskTerms(doc: AnalyzedText, compiled: readonly CompiledRiskTerms[], firstKeys: ReadonlySet<string> | undefined): RiskHit[] {
  const langs = doc.stemLangs;
  const stemLists = langs.map((lang) => doc.stems[lang]);
  const matches: Match[] = [];
  for (let pos = 0; pos < doc.words.length; pos++) {
    const word = doc.words[pos]!;
    if (firstKeys !== undefined && !mayStartTerm(firstKeys, word, stemLists, pos)) continue;
    // Matches are found in position order: those at this position start here.
    const posStart = matches.length;
    for (const set of compiled) {
      collect(doc, pos, set.byWord.get(word), matches, posStart);
      for (let l = 0; l < langs.length; l++) {
        const stem = stemLists[l]?.[pos];
        if (stem !== undefined) collect(doc, pos, stemIndex(set, langs[l]!).get(stem), matches, posStart);
      }
    }
  }
  if (matches.length === 0) return [];
  // "fuite de données" covers "fuite": a longer match claims its positions first.
  matches.sort((a, b) => b.term.words.length - a.term.words.length || b.term.weight - a.term.weight);
  const covered = new Uint8Array(doc.words.length);
  const hits = new Map<string, RiskHit>();
  for (const { term, pos } of matches) {
    const end = pos + term.words.length;
    if (isCovered(covered, pos, end)) continue;
    covered.fill(1, pos, end);
    const hit = hits.get(term.term);
    if (hit) hit.count++;
    else hits.set(term.term, { term: term.term, weight: term.weight, count: 1 });
  }
  return [...hits.values()].sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
}

/**
 * Risk in [0, 1]: term evidence S = Σ weight × (1 + ln count), saturated as T = 1 − e^(−S/4), then
 * shaded by sentiment — a risk term in a negative text weighs fully, in a positive one less
 * ("the strike is over, great news") — plus a small share for strong negativity alone.
 */
export function riskScore(hits: readonly RiskHit[], sentiment: number): number {
  let evidence = 0;
  for (const hit of hits) evidence += hit.weight * (1 + Math.log(hit.count));
  const terms = 1 - Math.exp(-evidence / TERM_SCALE);
  const negativity = Math.max(0, -sentiment);
  const shade = TERM_FLOOR + (1 - TERM_FLOOR) * -sentiment;
  const risk = terms * Math.max(0, shade) + NEGATIVITY_ONLY * negativity * (1 - terms);
  return Math.round(Math.min(1, Math.max(0, risk)) * 10_000) / 10_000;
}

let defaultCompiled: CompiledRiskTerms | undefined;
export function defaultRiskTerms(): CompiledRiskTerms {
  defaultCompiled ??= compileRiskTerms(DEFAULT_RISK_LEXICON);
  return defaultCompiled;
}
