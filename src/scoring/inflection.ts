// Inflection fallback for lexicon lookups: a word missing from the lexicon is tried again without its
// inflectional ending ("nicest" → nice, "happier" → happy, "géniaux" → génial, "déçues" → déçu).
// Only inflections, never derivations: Porter stems "questionable" to "question" and would give the
// noun a negative valence, which is why the stemmer is not used for sentiment.

/**
 * Candidate base forms of an English word, most specific first: comparatives, superlatives and plurals
 * only. Participles and adverbs are left out: they often change the word's sense or part of speech
 * ("killing it", "awfully nice", "chilling"), and VADER's raters already rated those that carry sentiment
 * ("loved", "hopefully", "annoying").
 */
export function englishBases(word: string): string[] {
  const out: string[] = [];
  const add = (base: string): void => { if (base.length >= 2) out.push(base); };
  const undouble = (stem: string): string => (/([bdgklmnprt])\1$/.test(stem) ? stem.slice(0, -1) : stem);
  if (word.endsWith('iest')) add(`${word.slice(0, -4)}y`);
  if (word.endsWith('ier')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('ies')) add(`${word.slice(0, -3)}y`);
  for (const suffix of ['est', 'er']) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
    const stem = word.slice(0, -suffix.length);
    add(stem);
    add(`${stem}e`);
    add(undouble(stem));
  }
  if (/(?:s|x|z|ch|sh)es$/.test(word)) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1));
  return out;
}

const FRENCH_ENDINGS: Array<[string, string]> = [
  ['euses', 'eux'], ['euse', 'eux'], ['ives', 'if'], ['ive', 'if'], ['aux', 'al'], ['elles', 'el'], ['elle', 'el'],
  ['ennes', 'en'], ['enne', 'en'], ['ettes', 'et'], ['ette', 'et'], ['eres', 'er'], ['ere', 'er'], ['ees', 'e'], ['es', 'e'],
  ['es', ''], ['e', ''], ['s', ''], ['x', ''],
];

/** Candidate base forms of a folded French word (feminine and plural to masculine singular). */
export function frenchBases(word: string): string[] {
  const out: string[] = [];
  for (const [ending, replacement] of FRENCH_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) out.push(word.slice(0, -ending.length) + replacement);
  }
  return out;
}
