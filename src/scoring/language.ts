// Language identification for short social texts: fr, en or other.
//
// Two kinds of evidence, both cheap:
//  1. function words (stopwords.ts): in a 10-word tweet, "je", "les", "the", "you" decide alone;
//  2. character trigrams, ranked, for seven Latin-script languages, taken from franc-min's models
//     (MIT; the same data franc uses), so a text with no function word ("Magnifique journée
//     ensoleillée") still gets a language.
// franc-min's own classifier compares 80+ languages and misreads short tweets; restricting the
// candidates and adding function words is both faster and more accurate here (docs/scoring.md).
import { data as francData } from 'franc-min/data.js';
import { FUNCTION_WORD_EVIDENCE, LANGUAGE_CODES, type LanguageCode } from './stopwords.js';
import { tokenize, type Token } from './tokenize.js';
import { lexiconLanguage } from './valence.js';

export type Lang = 'fr' | 'en' | 'other';

const FRANC_CODES: Record<LanguageCode, string> = { fr: 'fra', en: 'eng', es: 'spa', it: 'ita', de: 'deu', pt: 'por', nl: 'nld' };
const LANGS = LANGUAGE_CODES.length;
/** A function word is worth about as much as four well-ranked trigrams. */
const TRIGRAM_SCALE = 0.25;
/** Function-word evidence this clear settles the question without looking at trigrams. */
const DECISIVE_WORDS = 3;
/** A word that only the French (or only the English) sentiment lexicon knows: half a function word. */
const LEXICON_WORD_WEIGHT = 0.5;
/** How much more evidence another language needs than French or English. */
const OTHER_MARGIN = 1.5;
const FR = LANGUAGE_CODES.indexOf('fr');
const EN = LANGUAGE_CODES.indexOf('en');

/** trigram → per-language weight in (0, 1] (1 for a language's most frequent trigram), times TRIGRAM_SCALE. */
const TRIGRAMS: ReadonlyMap<string, Float64Array> = (() => {
  const table = new Map<string, Float64Array>();
  const latin = francData.Latin ?? {};
  LANGUAGE_CODES.forEach((lang, index) => {
    const list = (latin[FRANC_CODES[lang]] ?? '').split('|');
    list.forEach((trigram, rank) => {
      let weights = table.get(trigram);
      if (!weights) table.set(trigram, (weights = new Float64Array(LANGS)));
      weights[index] = (1 - rank / list.length) * TRIGRAM_SCALE;
    });
  });
  return table;
})();

const LATIN_LETTER = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

/** The known trigrams of a word (as written, lower-cased), in order. Memoised: words repeat. */
const trigramCache = new Map<string, readonly Float64Array[]>();
const CACHE_LIMIT = 50_000;

function trigramsOf(raw: string): readonly Float64Array[] {
  let found = trigramCache.get(raw);
  if (found) return found;
  const padded = ` ${raw.toLowerCase()} `;
  const list: Float64Array[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) {
    const weights = TRIGRAMS.get(padded.slice(i, i + 3));
    if (weights) list.push(weights);
  }
  found = list;
  if (trigramCache.size >= CACHE_LIMIT) trigramCache.clear();
  trigramCache.set(raw, found);
  return found;
}

/** Adds the word's trigram weights, one trigram after the other (the order of the sums is kept). */
function addTrigrams(raw: string, scores: Float64Array): void {
  for (const weights of trigramsOf(raw)) {
    for (let l = 0; l < LANGS; l++) scores[l]! += weights[l]!;
  }
}

/**
 * What one word says about the language: (language index, weight) pairs, flattened. A function word's weights
 * (stopwords.ts); else LEXICON_WORD_WEIGHT for French or English when only one sentiment lexicon knows
 * the word; else nothing.
 */
type Evidence = readonly number[]; // flat: index, weight, index, weight…
const FUNCTION_WORDS: ReadonlyMap<string, Evidence> = new Map(
  [...FUNCTION_WORD_EVIDENCE].map(([word, list]) => [word, list.flatMap(([lang, weight]) => [LANGUAGE_CODES.indexOf(lang), weight])]),
);
const FRENCH_LEXICON_WORD: Evidence = [FR, LEXICON_WORD_WEIGHT];
const ENGLISH_LEXICON_WORD: Evidence = [EN, LEXICON_WORD_WEIGHT];
const NO_EVIDENCE: Evidence = [];

function evidenceOf(norm: string): Evidence {
  const evidence = FUNCTION_WORDS.get(norm);
  if (evidence) return evidence;
  const known = lexiconLanguage(norm);
  return known === undefined ? NO_EVIDENCE : known === 'fr' ? FRENCH_LEXICON_WORD : ENGLISH_LEXICON_WORD;
}

const enum Script { None, Latin, Other }

/** Whether a word starts with a letter, and of which script; ASCII decides without a regular expression. */
function scriptOf(raw: string): Script {
  const code = raw.charCodeAt(0);
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return Script.Latin;
  if (code < 0x80) return Script.None;
  const first = raw[0] ?? '';
  if (!LETTER.test(first)) return Script.None;
  return LATIN_LETTER.test(first) ? Script.Latin : Script.Other;
}

function best(scores: Float64Array): { index: number; top: number; second: number } {
  let index = 0, top = -1, second = -1;
  for (let l = 0; l < LANGS; l++) {
    const s = scores[l] ?? 0;
    if (s > top) { second = top; top = s; index = l; } else if (s > second) second = s;
  }
  return { index, top, second };
}

function toLang(code: LanguageCode | undefined): Lang {
  return code === 'fr' || code === 'en' ? code : 'other';
}

/** Detects the language from tokens already produced by `tokenize` (the analyzer shares them). */
export function detectLanguageFromTokens(tokens: readonly Token[]): Lang {
  const scores = new Float64Array(LANGS);
  let latinWords = 0, otherScriptWords = 0;
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    const script = scriptOf(token.raw);
    if (script === Script.None) continue;
    if (script === Script.Other) { otherScriptWords++; continue; }
    latinWords++;
    words.push(token.raw);
    const evidence = evidenceOf(token.norm);
    for (let e = 0; e < evidence.length; e += 2) scores[evidence[e]!]! += evidence[e + 1]!;
  }
  if (latinWords === 0 || otherScriptWords > latinWords) return 'other';
  const byWords = best(scores);
  if (byWords.top >= DECISIVE_WORDS && byWords.second * 3 <= byWords.top) return toLang(LANGUAGE_CODES[byWords.index]);
  for (const raw of words) addTrigrams(raw, scores);
  const overall = best(scores);
  if (overall.top <= 0) return 'other';
  const winner = toLang(LANGUAGE_CODES[overall.index]);
  if (winner !== 'other') return winner;
  // Pilotfish's texts are mostly French or English: another language must win clearly.
  const frOrEn = Math.max(scores[FR]!, scores[EN]!);
  if (frOrEn > 0 && overall.top < OTHER_MARGIN * frOrEn) return scores[FR]! >= scores[EN]! ? 'fr' : 'en';
  return 'other';
}

export function detectLanguage(text: string): Lang {
  return detectLanguageFromTokens(tokenize(text));
}
