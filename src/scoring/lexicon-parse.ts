// The hand-written lexicons are kept as readable text blocks: one line per valence,
// "VALUE: word word multi_word_phrase". Underscores join the words of a phrase. Keys are folded.
import { fold } from './fold.js';
import { tokenize } from './tokenize.js';

export interface ParsedLexicon {
  words: Map<string, number>;
  /** Phrases, keyed by their words joined with a space ("en avoir marre"). */
  phrases: Map<string, number>;
}

export function parseLexicon(text: string, into: ParsedLexicon = { words: new Map(), phrases: new Map() }): ParsedLexicon {
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const value = Number(line.slice(0, colon));
    if (!Number.isFinite(value)) continue;
    for (const entry of line.slice(colon + 1).split(/\s+/)) {
      if (!entry) continue;
      if (entry.includes('_')) into.phrases.set(phraseKey(entry.replace(/_/g, ' ')), value);
      else into.words.set(fold(entry), value);
    }
  }
  return into;
}

/** The key of a phrase: its tokens as the tokenizer splits text (elisions apart), folded, space-joined. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase).map((t) => t.norm).join(' ');
}
