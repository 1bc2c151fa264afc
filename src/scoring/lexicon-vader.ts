// VADER's sentiment lexicon (Hutto & Gilbert, ICWSM 2014): 7,500 English words, slang, acronyms and
// emoticons, each rated −4..4 by ten human raters. The lexicon data is MIT-licensed (cjhutto/
// vaderSentiment); we read the copy shipped in the npm package `vader-sentiment` (Apache-2.0), once,
// at module load (about 5 ms). The package's own `src/vader_lexicon.js` is an ES module inside a
// CommonJS package, so Node cannot import it; the tab-separated text file is the stable interface.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface VaderLexicon {
  /** Lower-case ASCII words, slang and acronyms ("lol", "gr8"), valence −4..4: already folded. */
  words: Map<string, number>;
  /** Entries of several words ("can't stand", "fed up", "cover up"), lower case, space-separated. */
  phrases: Map<string, number>;
  /** Everything else, as written: emoticons (":)", "</3", ":-p", "\\o/") and a few odd tokens ("j/k"). */
  emoticons: Map<string, number>;
}

// VADER's entries are ASCII (two emoticons aside): plain ASCII classes keep the parse at a few ms.
const WORD = /^[a-z][a-z0-9]*$/i;
/** "fed up", "cover-up", "son-of-a-bitch", "can't stand": our tokenizer splits these into words. */
const PHRASE = /^[a-z]+(?:[ -][a-z]+|'t [a-z]+)+$/i;

export function vaderLexiconPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('vader-sentiment/package.json')), 'vader_lexicon.txt');
}

/** Parses `vader_lexicon.txt`: "token<TAB>mean<TAB>sd<TAB>[ten ratings]" per line. */
export function parseVaderLexicon(text: string): VaderLexicon {
  const lexicon: VaderLexicon = { words: new Map(), phrases: new Map(), emoticons: new Map() };
  // A scan with indexOf rather than split('\n'): start-up pays for this, and the ratings columns are
  // three quarters of the file.
  for (let pos = 0; pos < text.length; ) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const tab = text.indexOf('\t', pos);
    if (tab > pos && tab < eol) {
      const token = text.slice(pos, tab);
      const next = text.indexOf('\t', tab + 1);
      const value = Number(text.slice(tab + 1, next > tab && next < eol ? next : eol));
      if (Number.isFinite(value)) addEntry(lexicon, token, value);
    }
    pos = eol + 1;
  }
  return lexicon;
}

function addEntry(lexicon: VaderLexicon, token: string, value: number): void {
  if (WORD.test(token)) lexicon.words.set(token.toLowerCase(), value);
  else if (PHRASE.test(token)) lexicon.phrases.set(token.toLowerCase().replace(/-/g, ' '), value);
  else lexicon.emoticons.set(token, value);
}

export function loadVaderLexicon(): VaderLexicon {
  return parseVaderLexicon(readFileSync(vaderLexiconPath(), 'utf8'));
}
