// Hashtags carry much of a tweet's opinion (#fail, #BoycottX, #jamaisplus). CamelCase hashtags are split
// on their capitals; lower-case ones by a small dynamic programme that prefers long known words
// (score = sum of squared lengths of known pieces), keeping unknown stretches (brand names) as one piece.
import { fold } from './fold.js';

const CAMEL_PIECES = /\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+/gu;
const MAX_WORD = 20;
/** Share of the letters that known words must cover before a lower-case hashtag is split. */
const MIN_COVERAGE = 0.6;

const cache = new Map<string, string[]>();
const CACHE_LIMIT = 20_000;

function splitCamel(body: string): string[] | undefined {
  const hasLower = /\p{Ll}/u.test(body);
  const innerCapital = /\p{Ll}\p{Lu}|\p{L}\p{N}|\p{N}\p{L}/u.test(body);
  if (!hasLower || !innerCapital) return undefined;
  return (body.match(CAMEL_PIECES) ?? []).map(fold);
}

function splitByDictionary(folded: string, isKnown: (w: string) => boolean): string[] {
  const n = folded.length;
  const best = new Float64Array(n + 1).fill(-1);
  const from = new Int32Array(n + 1);
  const known = new Uint8Array(n + 1);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    // An unknown letter extends the previous piece at no gain.
    best[end] = best[end - 1]!; from[end] = end - 1; known[end] = 0;
    for (let start = Math.max(0, end - MAX_WORD); start <= end - 2; start++) {
      if (best[start]! < 0) continue;
      const gain = (end - start) ** 2;
      if (best[start]! + gain > best[end]! && isKnown(folded.slice(start, end))) {
        best[end] = best[start]! + gain; from[end] = start; known[end] = 1;
      }
    }
  }
  const pieces: string[] = [];
  let coveredLetters = 0, unknownRun = '';
  for (let end = n; end > 0; ) {
    const start = from[end]!;
    if (known[end]) {
      if (unknownRun) { pieces.push(unknownRun); unknownRun = ''; }
      pieces.push(folded.slice(start, end));
      coveredLetters += end - start;
    } else unknownRun = folded[start] + unknownRun;
    end = start;
  }
  if (unknownRun) pieces.push(unknownRun);
  pieces.reverse();
  return coveredLetters / n >= MIN_COVERAGE ? pieces : [folded];
}

/** The folded words of a hashtag body (without "#"); a single piece when it cannot be split. */
export function splitHashtag(body: string, isKnown: (w: string) => boolean): string[] {
  const cached = cache.get(body);
  if (cached) return cached;
  const folded = fold(body);
  const pieces = splitCamel(body) ?? (isKnown(folded) || folded.length < 5 ? [folded] : splitByDictionary(folded, isKnown));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(body, pieces);
  return pieces;
}
