// Valence lookup for one folded word or a phrase, in the language of the text. French tweets borrow
// English ("trop nice", "fail"), so French texts fall back on common English words, except for the
// French words that mean something else in English ("dire" = to say, "pain" = bread). English texts
// fall back on French only for words with accents, which cannot be English.
import { buildBorrowedEnglish, buildEnglishLexicon } from './lexicon-en.js';
import { buildFrenchLexicon, frenchNeutralWords } from './lexicon-fr.js';
import type { ParsedLexicon } from './lexicon-parse.js';
import type { Lang } from './language.js';
import { englishBases, frenchBases } from './inflection.js';
import { modifiersFor } from './modifiers.js';
import { stemFolded } from './stem.js';
import { FRENCH_STOP_WORDS, ENGLISH_STOP_WORDS } from './stopwords.js';

const english = buildEnglishLexicon();
const french = buildFrenchLexicon();
/**
 * The English words French texts may borrow: AFINN and our slang, the English lexicon Pilotfish used
 * before VADER's. VADER's long tail of rare English words collides with French spellings far more
 * often than it catches borrowings (French macro-F1 0.614 with it, 0.621 without).
 */
let borrowed: Map<string, number> | undefined;
const borrowedEnglish = (): Map<string, number> => (borrowed ??= buildBorrowedEnglish()); // built on first French text

const FALSE_FRIENDS_IN_FRENCH = new Set(['pain', 'dire', 'sure', 'lit', 'mine', 'car', 'four', 'coin', 'pays', 'sort', 'rose', 'chat', 'pour', 'joke', 'miss', 'fond', 'fin', 'sale', 'son', 'lame', 'cher', 'pot', 'bond', 'ride']);
const NON_ASCII = /[^\p{ASCII}]/u;

/** Porter stems are used for French verbs only when the stem is close to the lexicon word (an inflection, not a derivation). */
const MAX_STEM_CUT = 4;
/** Shorter words are looked up exactly: their stems collide too often. */
const MIN_FALLBACK_LENGTH = 4;

/** French stem → mean valence of the lexicon words with that stem (only when they agree in sign). */
function stemIndex(lexicon: ParsedLexicon, neutral: ReadonlySet<string>): Map<string, number> {
  const sums = new Map<string, { sum: number; n: number; pos: number; neg: number }>();
  for (const [word, value] of lexicon.words) {
    const stem = stemFolded(word, 'fr');
    if (value === 0 || word.length - stem.length > MAX_STEM_CUT || stem.length < 3) continue;
    const entry = sums.get(stem) ?? { sum: 0, n: 0, pos: 0, neg: 0 };
    entry.sum += value; entry.n++;
    if (value > 0) entry.pos++; else entry.neg++;
    sums.set(stem, entry);
  }
  for (const word of neutral) sums.delete(stemFolded(word, 'fr'));
  const index = new Map<string, number>();
  for (const [stem, e] of sums) if (e.pos === 0 || e.neg === 0) index.set(stem, e.sum / e.n);
  return index;
}

// Built on first use: a few milliseconds that `pilotfish score --help` need not pay.
let frenchStems: Map<string, number> | undefined;

/** Inflected French forms: feminine and plural endings, then a Porter stem close to the word. */
function frenchFallback(word: string): number | undefined {
  if (word.length < MIN_FALLBACK_LENGTH) return undefined;
  for (const base of frenchBases(word)) {
    const v = french.words.get(base);
    if (v !== undefined) return v;
  }
  const stem = stemFolded(word, 'fr');
  if (word.length - stem.length > MAX_STEM_CUT) return undefined;
  frenchStems ??= stemIndex(french, frenchNeutralWords());
  return frenchStems.get(stem);
}

function englishValence(word: string): number | undefined {
  const exact = english.words.get(word);
  if (exact !== undefined || word.length < MIN_FALLBACK_LENGTH) return exact;
  for (const base of englishBases(word)) {
    const v = english.words.get(base);
    if (v !== undefined) return v;
  }
  return undefined;
}

const CACHE_LIMIT = 50_000;
/** A memoised valence: `raw` is the key, `word` (its folded form, as the caller resolved it) must match too. */
interface CachedValence { word: string; value: number }
const caches: Record<Lang, Map<string, CachedValence>> = { fr: new Map(), en: new Map(), other: new Map() };

/** Valence of a folded word in a text of language `lang`; 0 when unknown. Memoised per language. */
export function wordValence(word: string, lang: Lang, raw: string = word): number {
  if (word.length < 2) return 0;
  // Keyed by the word as written, which decides accents and capitals: no test to run on a hit.
  const cache = caches[lang];
  const hit = cache.get(raw);
  if (hit !== undefined && hit.word === word) return hit.value;
  const accented = NON_ASCII.test(raw);
  // A capitalised word is often a name ("Royal", "France"): exact entries only, no inflection fallback.
  const name = CAPITALISED.test(raw);
  const value = lookup(word, lang, accented ? raw.toLowerCase() : undefined, !name);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, { word, value });
  return value;
}

const CAPITALISED = /^\p{Lu}\p{Ll}/u;

function frenchExact(word: string, accentedLower: string | undefined): number | undefined {
  return (accentedLower !== undefined ? french.accented.get(accentedLower) : undefined) ?? french.words.get(word);
}

function lookup(word: string, lang: Lang, accentedLower: string | undefined, fallback: boolean): number {
  const stop = FRENCH_STOP_WORDS.has(word) || ENGLISH_STOP_WORDS.has(word);
  if (lang === 'fr') {
    if (FRENCH_STOP_WORDS.has(word)) return 0; // "sur" is not "sûr"
    const fr = frenchExact(word, accentedLower);
    if (fr !== undefined) return fr;
    if (!FALSE_FRIENDS_IN_FRENCH.has(word)) {
      const en = borrowedEnglish().get(word);
      if (en !== undefined) return en;
    }
    return (fallback ? frenchFallback(word) : undefined) ?? 0;
  }
  if (lang === 'en') {
    const en = fallback ? englishValence(word) : english.words.get(word);
    if (en !== undefined) return en;
    return accentedLower !== undefined ? frenchExact(word, accentedLower) ?? 0 : 0;
  }
  if (stop) return english.words.get(word) ?? 0;
  const exact = english.words.get(word) ?? frenchExact(word, accentedLower);
  if (exact !== undefined || !fallback) return exact ?? 0;
  return englishValence(word) ?? frenchFallback(word) ?? 0;
}

/** VADER's rating of an emoticon as written (":-(", "</3"), if it has one. */
export function vaderEmoticonValence(raw: string): number | undefined {
  return english.emoticons.get(raw) ?? english.emoticons.get(raw.toLowerCase());
}

/** True when the word has an entry (used to pick the spelling of "nuuul" and to split hashtags). */
export function isKnownWord(word: string): boolean {
  return english.words.has(word) || french.words.has(word) || FRENCH_STOP_WORDS.has(word) || ENGLISH_STOP_WORDS.has(word) || MODIFIER_WORDS.has(word);
}

const MODIFIER_WORDS: ReadonlySet<string> = (() => {
  const m = modifiersFor('other');
  const all = [...m.negators, ...m.postNegators, ...m.boosters.keys(), ...m.postBoosters.keys(), ...m.contrast];
  return new Set(all.filter((w) => !w.includes(' ')));
})();

/** Which lexicon knows the word: a hint for the language detector on short texts ("Damn, running late sucks"). */
export function lexiconLanguage(word: string): 'fr' | 'en' | undefined {
  const fr = french.words.has(word);
  const en = english.words.has(word);
  return fr === en ? undefined : fr ? 'fr' : 'en';
}

/** A node of the phrase trie: the words so far, the phrase's valence in each lexicon if they end one. */
interface PhraseNode { next: Map<string, PhraseNode>; fr?: number; en?: number }

/**
 * The lexicons' phrases as a trie of their words: walking it from a position finds every phrase that
 * starts there without joining words into candidate keys. Phrase keys split on spaces give the same
 * answer as joining the text's words, which contain none.
 */
const PHRASE_TRIE: PhraseNode = (() => {
  const root: PhraseNode = { next: new Map() };
  const add = (phrases: Map<string, number>, lexicon: 'fr' | 'en'): void => {
    for (const [key, value] of phrases) {
      let node = root;
      for (const word of key.split(' ')) {
        let child = node.next.get(word);
        if (!child) node.next.set(word, (child = { next: new Map() }));
        node = child;
      }
      node[lexicon] = value;
    }
  };
  add(french.phrases, 'fr');
  add(english.phrases, 'en');
  return root;
})();

/** Longest phrase of the lexicons starting at `start` in `words` (folded); undefined when none. */
export function phraseAt(words: readonly string[], start: number, lang: Lang): { value: number; length: number } | undefined {
  let found: { value: number; length: number } | undefined;
  let node: PhraseNode | undefined = PHRASE_TRIE;
  for (let k = start; k < words.length; k++) {
    node = node.next.get(words[k]!);
    if (node === undefined) break;
    const length = k - start + 1;
    // French texts (and texts of unknown language) prefer the French lexicon's value.
    const value = (lang !== 'en' ? node.fr : undefined) ?? node.en;
    if (length >= 2 && value !== undefined) found = { value, length };
  }
  return found;
}

/** The first words of all phrases: most tokens start none, and skip the walk above. */
export const PHRASE_STARTS: ReadonlySet<string> = new Set(PHRASE_TRIE.next.keys());
