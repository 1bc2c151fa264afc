// The do-not-say list: words and phrases the comms team never wants in shareable text ("no comment",
// "rumour"...). Matching folds case and accents ("Confidentiel" = "confidentiel" = "CONFIDENTIEL") and
// works on whole words, so "rumour" does not flag "rumours" unless the list says "rumour*", and
// punctuation or line breaks between the words of a phrase do not hide it ("no-comment", "no\ncomment").
import { fold } from '../scoring/fold.js';

export interface DoNotSayMatch { phrase: string; field: string }
/** One piece of text to check, named like the API field it came from ("body", "variants.fr.title"...). */
export interface CheckedText { field: string; text: string }

interface CompiledPhrase { phrase: string; words: string[]; prefixLast: boolean }

const WORD = /[\p{L}\p{N}]+/gu;

/** Folded words of a text; apostrophes and hyphens separate words ("l'employé" → ["l", "employe"]). */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

function compilePhrase(phrase: string): CompiledPhrase | null {
  const trimmed = phrase.trim();
  const prefixLast = trimmed.endsWith('*');
  const list = words(prefixLast ? trimmed.slice(0, -1) : trimmed);
  return list.length > 0 ? { phrase: trimmed, words: list, prefixLast } : null;
}

function occursIn(p: CompiledPhrase, text: string[]): boolean {
  const n = p.words.length;
  for (let start = 0; start + n <= text.length; start++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const want = p.words[k]!;
      const got = text[start + k]!;
      ok = k === n - 1 && p.prefixLast ? got.startsWith(want) : got === want;
    }
    if (ok) return true;
  }
  return false;
}

export interface DoNotSayChecker { check(texts: CheckedText[]): DoNotSayMatch[] }

/** Compiles the configured list once; `check` returns each (phrase, field) pair found, in input order. */
export function createDoNotSayChecker(phrases: readonly string[]): DoNotSayChecker {
  const compiled = phrases.map(compilePhrase).filter((p): p is CompiledPhrase => p !== null);
  return {
    check(texts) {
      const matches: DoNotSayMatch[] = [];
      for (const { field, text } of texts) {
        const tokens = words(text);
        const seen = new Set<string>();
        for (const p of compiled) {
          if (!seen.has(p.phrase) && occursIn(p, tokens)) {
            seen.add(p.phrase);
            matches.push({ phrase: p.phrase, field });
          }
        }
      }
      return matches;
    },
  };
}
