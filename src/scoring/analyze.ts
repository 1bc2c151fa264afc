// The analysis done once per mention and shared by sentiment, risk and every watchlist query:
// tokens (hashtags split, elongations resolved), language, folded words and their stems.
import { unelongate } from './fold.js';
import { splitHashtag } from './hashtag.js';
import { detectLanguageFromTokens, type Lang } from './language.js';
import { stemFolded } from './stem.js';
import { tokenize, type Token } from './tokenize.js';
import { isKnownWord } from './valence.js';

export interface AnalyzedText {
  lang: Lang;
  /** Tokens in order; a hashtag token is followed by the words it was split into (`fromHashtag`). */
  tokens: Token[];
  /** Folded words in reading order (words, mentions, hashtag words, numbers): phrases match here. */
  words: string[];
  /** Stems of `words` in French and in English, position by position (only the languages in `stemLangs`). */
  stems: { fr?: string[]; en?: string[] };
  /** The stem languages a query should compare against: the text's language, or both when unsure. */
  stemLangs: ReadonlyArray<'fr' | 'en'>;
  /** Every folded word, plus whole hashtags ("boycottnike") — for exact and wildcard matching. */
  wordSet: Set<string>;
  /** Stems per language, as sets. */
  stemSets: { fr?: Set<string>; en?: Set<string> };
}

/** "nuuuul" → "nul", "soooo" → "so", "goooood" → "good": the first candidate we know, else the double-letter one. */
function resolveElongation(token: Token): void {
  if (!token.elongated) return;
  const [double, single] = unelongate(token.norm);
  token.norm = isKnownWord(double) ? double : isKnownWord(single) ? single : double;
}

function expandHashtags(raw: Token[]): Token[] {
  let hashtags = false;
  for (const token of raw) {
    if (token.kind === 'word') resolveElongation(token);
    else if (token.kind === 'hashtag') hashtags = true;
  }
  if (!hashtags) return raw; // most texts: nothing to insert, no copy
  const tokens: Token[] = [];
  for (const token of raw) {
    tokens.push(token);
    if (token.kind !== 'hashtag') continue;
    for (const piece of splitHashtag(token.raw, isKnownWord)) {
      const part: Token = { kind: 'word', raw: piece, norm: piece, caps: false, elongated: false, fromHashtag: true };
      tokens.push(part);
    }
  }
  return tokens;
}

function stemLangsFor(lang: Lang): ReadonlyArray<'fr' | 'en'> {
  return lang === 'other' ? ['fr', 'en'] : [lang];
}

export function analyze(text: string, lang: 'auto' | 'fr' | 'en' = 'auto'): AnalyzedText {
  const tokens = expandHashtags(tokenize(text));
  const detected: Lang = lang === 'auto' ? detectLanguageFromTokens(tokens) : lang;
  const words: string[] = [];
  const wordSet = new Set<string>();
  for (const token of tokens) {
    if (token.kind === 'word' || token.kind === 'mention' || token.kind === 'number') {
      words.push(token.norm);
      wordSet.add(token.norm);
    } else if (token.kind === 'hashtag') {
      wordSet.add(token.norm);
    }
  }
  const stemLangs = stemLangsFor(detected);
  const stems: AnalyzedText['stems'] = {};
  const stemSets: AnalyzedText['stemSets'] = {};
  for (const l of stemLangs) {
    const list = words.map((w) => stemFolded(w, l));
    stems[l] = list;
    stemSets[l] = new Set(list);
  }
  return { lang: detected, tokens, words, stems, stemLangs, wordSet, stemSets };
}
