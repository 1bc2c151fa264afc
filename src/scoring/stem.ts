// Porter stemmers for French and English from natural, loaded by their submodule paths (the package
// root loads storage backends). Words are folded *before* stemming so that "données" and "donnees"
// (tweets often drop accents) get the same stem; natural's French stemmer otherwise stems them apart.
// Stemming costs 2–4 µs a word, so results are memoised: social text is Zipfian and the cache hit rate
// stays high.
import { createRequire } from 'node:module';

interface Stemmer { stem(word: string): string }

const require = createRequire(import.meta.url);
const englishStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js') as Stemmer;
const frenchStemmer = require('natural/lib/natural/stemmers/porter_stemmer_fr.js') as Stemmer;

export type StemLang = 'fr' | 'en';

const DIGIT = /\d/;

const CACHE_LIMIT = 100_000;
const caches: Record<StemLang, Map<string, string>> = { fr: new Map(), en: new Map() };
const stemmers: Record<StemLang, Stemmer> = { fr: frenchStemmer, en: englishStemmer };

/** Stem of an already folded word (lower case, no accents). Short words are their own stem. */
export function stemFolded(folded: string, lang: StemLang): string {
  // Numbers, codes and very long tokens have no useful stem, and unique ones would churn the cache.
  if (folded.length < 3 || folded.length > 30) return folded;
  const cache = caches[lang];
  const hit = cache.get(folded);
  if (hit !== undefined) return hit;
  if (DIGIT.test(folded)) return folded; // never cached, so checked after the cache
  let stem: string;
  try {
    stem = stemmers[lang].stem(folded) || folded;
    // Porter undoubles the consonant of "boycotting" (→ boycot) but not of "boycott": undouble both.
    if (lang === 'en') stem = stem.replace(/([^aeiouylsz])\1$/, '$1');
  } catch {
    stem = folded; // natural's stemmers assume letters; never let an odd token break scoring
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(folded, stem);
  return stem;
}
