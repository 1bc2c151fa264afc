// Case and accent folding, shared by the tokenizer, the lexicons and the query compiler so that
// "Grève", "GREVE" and "greve" all meet on the same key. Tweets drop accents often ("tres", "genial"),
// so every lookup key is folded.

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };
const NON_ASCII = /[^\p{ASCII}]/u;
const COMBINING_MARKS = /\p{M}+/gu;
const SPECIAL_LETTERS = /[œæßøđłı]/g;

// Memo for the non-ASCII path: social text reuses the same few thousand accented words.
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 50_000;

/** Lower-cases and strips diacritics; ASCII input takes a fast path with no allocation beyond toLowerCase. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  const cached = foldCache.get(lower);
  if (cached !== undefined) return cached;
  const folded = lower
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(SPECIAL_LETTERS, (c) => LIGATURES[c] ?? c)
    .replace(/’/g, "'");
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(lower, folded);
  return folded;
}

const RUN_OF_THREE = /(\p{L})\1{2,}/u;

/** True when a word stretches a letter ("nuuul", "sooo"), a sign of emphasis on social networks. */
export function isElongated(word: string): boolean {
  return RUN_OF_THREE.test(word);
}

/**
 * Candidate spellings of an elongated word, most likely first: runs of 3+ letters cut to two
 * ("goooood" → "good") then to one ("nuuuul" → "nul"). Callers keep the first one they know.
 */
export function unelongate(word: string): [string, string] {
  return [word.replace(/(\p{L})\1{2,}/gu, '$1$1'), word.replace(/(\p{L})\1{2,}/gu, '$1')];
}
