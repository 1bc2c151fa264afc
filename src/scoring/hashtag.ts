// Hashtags carry much of a tweet's opinion (#fail, #BoycottX, #jamaisplus). CamelCase hashtags are split
// on their capitals; lower-case ones by a small dynamic programme that prefers long known words
// (score = sum of squared lengths of known pieces), keeping unknown stretches (brand names) as one piece.
import { fold } from './fold.js';

const CAMEL_PIECES = /\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+/gu;
const MAX_WORD = 20;
/** Share of the letters that known words must cover before a lower-case hashtag is split. */
const MIN_COVERAGE = 0.6;
/** Shortest unknown stretch accepted in a split (a brand or a name: "nike"). */
const MIN_UNKNOWN = 4;

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
      // Two-letter words ("ni", "on") fit almost anywhere: no gain, so they never beat an unknown stretch.
      const gain = end - start >= 3 ? (end - start) ** 2 : 0;
      if (gain > 0 && best[start]! + gain > best[end]! && isKnown(folded.slice(start, end))) {
        best[end] = best[start]! + gain; from[end] = start; known[end] = 1;
      }
    }
  }
  const pieces: string[] = [];
  let coveredLetters = 0, unknownPieces = 0, unknownRun = '';
  let shortUnknown = false;
  const closeUnknown = (): void => {
    if (!unknownRun) return;
    pieces.push(unknownRun);
    unknownPieces++;
    // A leftover of 1–3 letters ("hot" + "els" in #damnhotels) means the split is wrong; names are longer.
    if (unknownRun.length < MIN_UNKNOWN) shortUnknown = true;
    unknownRun = '';
  };
  for (let end = n; end > 0; ) {
    const start = from[end]!;
    if (known[end]) {
      closeUnknown();
      pieces.push(folded.slice(start, end));
      // Two-letter words ("at", "or") fit anywhere: they do not count as evidence of a good split.
      if (end - start >= 3) coveredLetters += end - start;
    } else unknownRun = folded[start] + unknownRun;
    end = start;
  }
  closeUnknown();
  pieces.reverse();
  return coveredLetters / n >= MIN_COVERAGE && unknownPieces <= 1 && !shortUnknown ? pieces : [folded];
}

/** The folded words of a hashtag body (without "#"); a single piece when it cannot be split. */
export function splitHashtag(body: string, isKnown: (w: string) => boolean): string[] {
  const cached = cache.get(body);
  if (cached) return cached;
  if (body.includes('_')) {
    const parts = body.split('_').filter(Boolean).flatMap((part) => splitHashtag(part, isKnown));
    cache.set(body, parts);
    return parts;
  }
  const folded = fold(body);
  const pieces = splitCamel(body) ?? (isKnown(folded) || folded.length < 5 ? [folded] : splitByDictionary(folded, isKnown));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(body, pieces);
  return pieces;
}
