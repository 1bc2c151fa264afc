// Content words and bigrams of a text, folded, stop words removed: the raw material of emerging-term
// detection ("which words suddenly appear in this watchlist's mentions?").
import type { AnalyzedText } from './analyze.js';
import { modifiersFor } from './modifiers.js';
import { isStopWord } from './stopwords.js';
import type { Token } from './tokenize.js';

const MIN_LENGTH = 3;
/** Bigrams may skip one stop word, so "fuite de données" yields "fuite donnees". */
const MAX_GAP = 1;
/** Intensifiers and negations ("trop", "vraiment", "jamais") say how, not what: not topic terms. */
const MODIFIERS: ReadonlySet<string> = (() => {
  const m = modifiersFor('other');
  return new Set([...m.negators, ...m.boosters.keys(), ...m.postBoosters.keys(), ...m.contrast]);
})();

const DIGITS_ONLY = /^\p{N}+$/u;

function isContentWord(norm: string): boolean {
  return norm.length >= MIN_LENGTH && !isStopWord(norm) && !MODIFIERS.has(norm) && !DIGITS_ONLY.test(norm);
}

function isContent(token: Token): boolean {
  return (token.kind === 'word' || token.kind === 'hashtag') && isContentWord(token.norm);
}

export function extractTerms(doc: AnalyzedText): string[] {
  const terms = new Set<string>();
  let previous: string | undefined;
  let gap = 0;
  for (const token of doc.tokens) {
    if (token.kind === 'hashtag') { terms.add(`#${token.norm}`); continue; }
    if (isContent(token)) {
      terms.add(token.norm);
      if (previous !== undefined && gap <= MAX_GAP && !token.fromHashtag) terms.add(`${previous} ${token.norm}`);
      previous = token.fromHashtag ? undefined : token.norm;
      gap = 0;
    } else if (token.kind === 'word') {
      gap++;
    } else {
      previous = undefined; // punctuation, emoji, URLs end a bigram
    }
  }
  return [...terms];
}
