// Valence lookup for one folded word or a phrase, in the language of the text. French tweets borrow
// English ("trop nice", "fail"), so French texts fall back on the English lexicon, except for the
// French words that mean something else in English ("dire" = to say, "pain" = bread). English texts
// fall back on French only for words with accents, which cannot be English.
import { buildEnglishLexicon } from './lexicon-en.js';
import { buildFrenchLexicon, frenchNeutralWords } from './lexicon-fr.js';
import type { ParsedLexicon } from './lexicon-parse.js';
import type { Lang } from './language.js';
import { stemFolded, type StemLang } from './stem.js';
import { FRENCH_STOP_WORDS, ENGLISH_STOP_WORDS } from './stopwords.js';

const english = buildEnglishLexicon();
const french = buildFrenchLexicon();

const FALSE_FRIENDS_IN_FRENCH = new Set(['pain', 'dire', 'sure', 'lit', 'mine', 'car', 'four', 'coin', 'pays', 'sort', 'rose', 'chat', 'pour', 'joke', 'miss', 'fond', 'fin', 'sale', 'son', 'lame', 'cher', 'pot', 'bond', 'ride']);
const NON_ASCII = /[^\u0000-\u007f]/;

/** stem → mean valence of the lexicon words with that stem (only when they agree in sign). */
function stemIndex(lexicon: ParsedLexicon, lang: StemLang, neutral: ReadonlySet<string>): Map<string, number> {
  const sums = new Map<string, { sum: number; n: number; pos: number; neg: number }>();
  for (const [word, value] of lexicon.words) {
    const stem = stemFolded(word, lang);
    const entry = sums.get(stem) ?? { sum: 0, n: 0, pos: 0, neg: 0 };
    entry.sum += value; entry.n++;
    if (value > 0) entry.pos++; else entry.neg++;
    sums.set(stem, entry);
  }
  for (const word of neutral) sums.delete(stemFolded(word, lang));
  const index = new Map<string, number>();
  for (const [stem, e] of sums) if (e.pos === 0 || e.neg === 0) index.set(stem, e.sum / e.n);
  return index;
}

// Built on first use: 8,000 stems cost a few milliseconds that `pilotfish score --help` need not pay.
let stems: { fr: Map<string, number>; en: Map<string, number> } | undefined;
function stemTables(): { fr: Map<string, number>; en: Map<string, number> } {
  stems ??= { fr: stemIndex(french, 'fr', frenchNeutralWords()), en: stemIndex(english, 'en', new Set()) };
  return stems;
}

function frenchValence(word: string): number | undefined {
  return french.words.get(word) ?? stemTables().fr.get(stemFolded(word, 'fr'));
}

function englishValence(word: string): number | undefined {
  return english.words.get(word) ?? stemTables().en.get(stemFolded(word, 'en'));
}

/** Valence of a folded word in a text of language `lang`; 0 when unknown. */
export function wordValence(word: string, lang: Lang, raw?: string): number {
  if (word.length < 2) return 0;
  if (lang === 'fr') {
    const fr = french.words.get(word);
    if (fr !== undefined) return fr;
    if (!FRENCH_STOP_WORDS.has(word) && !FALSE_FRIENDS_IN_FRENCH.has(word)) {
      const en = english.words.get(word);
      if (en !== undefined) return en;
    }
    return frenchValence(word) ?? 0;
  }
  if (lang === 'en') {
    const en = englishValence(word);
    if (en !== undefined) return en;
    return raw !== undefined && NON_ASCII.test(raw) ? french.words.get(word) ?? 0 : 0;
  }
  if (ENGLISH_STOP_WORDS.has(word) || FRENCH_STOP_WORDS.has(word)) return english.words.get(word) ?? 0;
  return english.words.get(word) ?? french.words.get(word) ?? englishValence(word) ?? frenchValence(word) ?? 0;
}

/** True when the word has an entry (used to pick the spelling of "nuuul" and to split hashtags). */
export function isKnownWord(word: string): boolean {
  return english.words.has(word) || french.words.has(word) || FRENCH_STOP_WORDS.has(word) || ENGLISH_STOP_WORDS.has(word);
}

const MAX_PHRASE = Math.max(...[...english.phrases.keys(), ...french.phrases.keys()].map((k) => k.split(' ').length), 2);

/** Longest phrase of the lexicons starting at `start` in `words` (folded); undefined when none. */
export function phraseAt(words: readonly string[], start: number, lang: Lang): { value: number; length: number } | undefined {
  for (let length = Math.min(MAX_PHRASE, words.length - start); length >= 2; length--) {
    const key = words.slice(start, start + length).join(' ');
    const value = (lang !== 'en' ? french.phrases.get(key) : undefined) ?? english.phrases.get(key);
    if (value !== undefined) return { value, length };
  }
  return undefined;
}

/** The first words of all phrases: most tokens start none, and skip the slicing above. */
export const PHRASE_STARTS: ReadonlySet<string> = new Set([...english.phrases.keys(), ...french.phrases.keys()].map((k) => k.split(' ')[0] ?? ''));
