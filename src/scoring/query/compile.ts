// Compiles a parsed query into nested closures, once per watchlist. A word matches a text when the
// folded forms are equal or when their stems are equal in the text's language (both languages when
// the text's language is unknown): "grève" finds "grèves" and "GREVE", "boycotting" finds "boycott".
// A trailing * matches any word that starts with the prefix; a phrase matches consecutive words.
import type { AnalyzedText } from '../analyze.js';
import { stemFolded } from '../stem.js';
import { parseQuery, type QueryNode, type WordPattern } from './parser.js';

export interface CompiledQuery {
  source: string;
  matches(doc: AnalyzedText): boolean;
}

type Matcher = (doc: AnalyzedText) => boolean;

interface CompiledWord { word: string; prefix: boolean; fr: string; en: string }

function compileWord(pattern: WordPattern): CompiledWord {
  return { ...pattern, fr: stemFolded(pattern.word, 'fr'), en: stemFolded(pattern.word, 'en') };
}

function wordAt(doc: AnalyzedText, pos: number, w: CompiledWord): boolean {
  const word = doc.words[pos]!;
  if (w.prefix) return word.startsWith(w.word);
  if (word === w.word) return true;
  for (const lang of doc.stemLangs) if (doc.stems[lang]?.[pos] === w[lang]) return true;
  return false;
}

function singleWord(w: CompiledWord): Matcher {
  if (w.prefix) {
    return (doc) => {
      for (const word of doc.wordSet) if (word.startsWith(w.word)) return true;
      return false;
    };
  }
  return (doc) => {
    if (doc.wordSet.has(w.word)) return true;
    for (const lang of doc.stemLangs) if (doc.stemSets[lang]?.has(w[lang])) return true;
    return false;
  };
}

function phrase(words: CompiledWord[]): Matcher {
  const first = singleWord(words[0]!);
  return (doc) => {
    if (!first(doc)) return false; // cheap rejection through the sets before scanning positions
    const last = doc.words.length - words.length;
    outer: for (let pos = 0; pos <= last; pos++) {
      for (let k = 0; k < words.length; k++) if (!wordAt(doc, pos + k, words[k]!)) continue outer;
      return true;
    }
    return false;
  };
}

function compileNode(node: QueryNode): Matcher {
  switch (node.kind) {
    case 'words': {
      const words = node.words.map(compileWord);
      return words.length === 1 ? singleWord(words[0]!) : phrase(words);
    }
    case 'and': {
      const children = node.children.map(compileNode);
      return (doc) => children.every((m) => m(doc));
    }
    case 'or': {
      const children = node.children.map(compileNode);
      return (doc) => children.some((m) => m(doc));
    }
    case 'not': {
      const child = compileNode(node.child);
      return (doc) => !child(doc);
    }
  }
}

/** Compiles a watchlist query; throws QuerySyntaxError (with a 0-based position) when it is malformed. */
export function compileQuery(query: string): CompiledQuery {
  const matcher = compileNode(parseQuery(query));
  return { source: query, matches: matcher };
}
