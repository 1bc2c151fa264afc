// Rule-based sentiment in the manner of VADER (Hutto & Gilbert, ICWSM 2014), for French and English:
// each sentiment word (or emoji, emoticon, lexicon phrase) gets its lexicon valence, adjusted by
// capitals, letter elongation, the intensifiers/diminishers and negations of its clause, and the
// contrast markers of the text; the sum is amplified by ! and ?, then squashed into [-1, 1].
import type { AnalyzedText } from './analyze.js';
import { EMOJI_VALENCE, emoticonValence } from './lexicon-emoji.js';
import { BOOST, NEGATION_SCALAR, isContractedNegation, modifiersFor, type Modifiers } from './modifiers.js';
import type { Token } from './tokenize.js';
import { PHRASE_STARTS, isKnownWord, phraseAt, vaderEmoticonValence, wordValence } from './valence.js';
import type { Lang } from './language.js';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

/** VADER: a word in capitals, in a text that is not all capitals, gains this much magnitude. */
const CAPS_INCREMENT = 0.733;
/** A stretched word ("nuuul") is emphasised like an intensifier would. */
const ELONGATION_INCREMENT = BOOST;
/** VADER's contrast weights: before "but" ×0.5, after ×1.5. */
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
/** VADER's normalisation constant: compound = sum / sqrt(sum² + α). */
const ALPHA = 15;
/** VADER's published cut for the neutral band (and the cut the human ratings are binned with). */
export const NEUTRAL_THRESHOLD = 0.05;
/**
 * The knobs chosen from data, by k-fold cross-validation over the three dev sets at once
 * (`scripts/eval-sentiment-cv.mjs`; figures in docs/scoring.md): the neutral band of each language.
 */
export const CLASSIFIER: {
  neutralCut: Record<'en' | 'fr', { pos: number; neg: number }>;
  /** Pilotfish's departures from VADER, each kept only if cross-validation says it helps. */
  rules: { hashtagWords: boolean; concession: boolean; clauseBoundaries: boolean; extraBoosters: boolean };
} = {
  // Compound at or above `pos` is positive, at or below −`neg` negative. In English a weak positive
  // ("good luck tomorrow") is more often neutral than a weak negative is; VADER's 0.05 was the start.
  neutralCut: { en: { pos: 0.11, neg: 0.01 }, fr: { pos: 0.01, neg: 0.03 } },
  rules: { hashtagWords: true, concession: true, clauseBoundaries: true, extraBoosters: false },
};
/** How far back a negation or an intensifier reaches (VADER: three words). */
const WINDOW = 3;
const DISTANCE_DAMPING = [1, 0.95, 0.9];
/** French "ne" / "n'": half of a negation, with pas / jamais / rien / plus. */
const FRENCH_NE = new Set(['ne', "n'"]);
/** Laughter and its acronyms react to the whole message: "no lol" is not a negated laugh. */
const LAUGHTER = /^(?:l+o+l+[lz]*|lmf?ao+|rofl|(?:a?h+a+)+h?|(?:h+e+)+h?|(?:h+i+)+|x?p?t?mdr+|ptdr+|xd)$/;

export interface SentimentResult { sentiment: number; label: SentimentLabel }

/** The tokens that sentiment reads (words, emoji, emoticons, and punctuation as clause boundaries), and their norms. */
function sentimentTokens(tokens: readonly Token[]): { seq: Token[]; norms: string[] } {
  const seq: Token[] = [];
  const norms: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'mention' || t.kind === 'url' || t.kind === 'number') continue;
    seq.push(t);
    norms.push(t.norm);
  }
  return { seq, norms };
}

/** Clause boundaries stop negations and intensifiers; a hashtag starts a clause of its own words. */
const isBoundary = (t: Token): boolean => t.kind === 'stop' || t.kind === 'bang' || t.kind === 'question' || t.kind === 'hashtag';

/**
 * The first words of the two-word modifiers ("kind of", "par contre", "bien que"), per kind. Token norms
 * contain no space, so "a b" can only be a key when "a" is listed here: most words are not, and skip
 * building the key.
 */
interface PairStarts { boosters: ReadonlySet<string>; postBoosters: ReadonlySet<string>; contrast: ReadonlySet<string>; concession: ReadonlySet<string> }

function firstWordsOfPairs(keys: Iterable<string>): Set<string> {
  const firsts = new Set<string>();
  for (const key of keys) {
    const space = key.indexOf(' ');
    if (space >= 0) firsts.add(key.slice(0, space));
  }
  return firsts;
}

const pairStartsByMods = new Map<Modifiers, PairStarts>();

function pairStartsOf(mods: Modifiers): PairStarts {
  let starts = pairStartsByMods.get(mods);
  if (!starts) {
    starts = {
      boosters: firstWordsOfPairs(mods.boosters.keys()), postBoosters: firstWordsOfPairs(mods.postBoosters.keys()),
      contrast: firstWordsOfPairs(mods.contrast), concession: firstWordsOfPairs(mods.concession),
    };
    pairStartsByMods.set(mods, starts);
  }
  return starts;
}

interface Context {
  seq: Token[];
  norms: string[];
  lang: Lang;
  mods: Modifiers;
  pairs: PairStarts;
  mixedCase: boolean;
}

function boosterAt(ctx: Context, j: number): number {
  const previous = j > 0 ? ctx.norms[j - 1] : undefined;
  const two = previous !== undefined && ctx.pairs.boosters.has(previous) ? ctx.mods.boosters.get(`${previous} ${ctx.norms[j]}`) : undefined;
  return two ?? ctx.mods.boosters.get(ctx.norms[j]!) ?? 0;
}

function isNegator(ctx: Context, j: number): boolean {
  const norm = ctx.norms[j]!;
  return ctx.mods.negators.has(norm) || isContractedNegation(norm);
}

function tokenValence(ctx: Context, i: number): number {
  const t = ctx.seq[i]!;
  if (t.kind === 'emoji') return EMOJI_VALENCE.get(t.norm) ?? 0;
  // VADER's raters scored emoticons as written (":-(" −1.5, ":(" −1.9); our table covers the rest.
  if (t.kind === 'emoticon') return vaderEmoticonValence(t.raw) ?? emoticonValence(t.norm);
  if (t.kind !== 'word') return 0;
  return wordValence(t.norm, ctx.lang, t.raw);
}

/** A word that is both a modifier and a sentiment word ("super", "grave", "no") modifies when a sentiment word follows. */
function modifiesNext(ctx: Context, i: number): boolean {
  for (let k = i + 1; k < ctx.seq.length && k <= i + 2; k++) {
    if (isBoundary(ctx.seq[k]!)) return false;
    // "no no no": a negation is not the sentiment word another negation modifies.
    if (ctx.seq[k]!.kind === 'word' && tokenValence(ctx, k) !== 0 && !isNegator(ctx, k)) return true;
  }
  return false;
}

function isModifierOnly(ctx: Context, i: number): boolean {
  const norm = ctx.norms[i]!;
  const next = ctx.norms[i + 1];
  if (next !== undefined && ctx.pairs.boosters.has(norm) && ctx.mods.boosters.has(`${norm} ${next}`)) return true; // "kind of", "un peu"
  const isModifier = ctx.mods.boosters.has(norm) || isNegator(ctx, i) || ctx.mods.contrast.has(norm);
  return isModifier && modifiesNext(ctx, i);
}

/** French "j'aime pas" (no "ne"): a negation right after the word, unless it belongs to the next word. */
function negatedAfter(ctx: Context, end: number): boolean {
  const next = ctx.norms[end];
  if (next === undefined || !ctx.mods.postNegators.has(next) || ctx.seq[end]!.kind !== 'word') return false;
  const after = end + 1 < ctx.seq.length && !isBoundary(ctx.seq[end + 1]!) && tokenValence(ctx, end + 1) !== 0;
  return !after;
}

function postBoost(ctx: Context, end: number): number {
  const next = ctx.norms[end];
  if (next === undefined) return 0;
  const two = end + 1 < ctx.norms.length && ctx.pairs.postBoosters.has(next) ? ctx.mods.postBoosters.get(`${next} ${ctx.norms[end + 1]}`) : undefined;
  return two ?? ctx.mods.postBoosters.get(next) ?? 0;
}

/**
 * The (up to) three tokens before position i that a negation or an intensifier may sit on, nearest
 * first, within the clause. VADER drops one-letter tokens ("a", "I") before counting, so "wouldn't be
 * a bad idea" has "wouldn't" three words before "bad".
 */
function windowBefore(ctx: Context, i: number): number[] {
  const out: number[] = [];
  for (let j = i - 1; j >= 0 && out.length < WINDOW; j--) {
    const t = ctx.seq[j]!;
    if (isBoundary(t)) {
      if (CLASSIFIER.rules.clauseBoundaries || t.kind === 'hashtag') break;
      continue;
    }
    if (ctx.lang === 'en' && t.kind === 'word' && t.raw.length === 1) continue;
    out.push(j);
  }
  return out;
}

/**
 * VADER's "never so / never this" rule: "never so good", "never been this happy" compare, they do not
 * negate: ×1.5 when "so"/"this" sits between "never" and the word, ×1.25 one word further. The same
 * comparison is written "haven't been so/this …".
 */
function comparisonScalar(ctx: Context, negatorAt: number, wordAt: number): number | undefined {
  const isComparative = (k: number): boolean => ctx.norms[k] === 'so' || ctx.norms[k] === 'this';
  const isNever = ctx.norms[negatorAt] === 'never';
  if (isNever && isComparative(negatorAt + 1)) return negatorAt + 2 === wordAt ? 1.5 : 1.25;
  const perfect = isNever || ctx.norms[negatorAt + 1] === 'been';
  return perfect && negatorAt + 3 === wordAt && isComparative(negatorAt + 2) ? 1.25 : undefined;
}

/** VADER: "least" before a word negates it ("the least helpful"), except in "at least" and "very least". */
function leastNegates(ctx: Context, i: number, window: readonly number[]): boolean {
  if (ctx.lang === 'fr') return false;
  const j = window[0];
  if (j === undefined || ctx.norms[j] !== 'least') return false;
  const before = window[1] !== undefined ? ctx.norms[window[1]] : undefined;
  return before !== 'at' && before !== 'very';
}

/** Valence of the sentiment item starting at i (a word, emoji or phrase), with its modifiers applied. */
function scoreItem(ctx: Context, i: number, base: number, length: number): number {
  const t = ctx.seq[i]!;
  let v = base;
  const sign = Math.sign(v);
  if (t.kind === 'emoji' || t.kind === 'emoticon' || LAUGHTER.test(t.norm)) return v;
  if (t.caps && ctx.mixedCase) v += sign * CAPS_INCREMENT;
  if (t.elongated) v += sign * ELONGATION_INCREMENT;
  const window = windowBefore(ctx, i);
  let negations = 0;
  let scalar = 1;
  let sawFrenchNe = false;
  window.forEach((j, d) => {
    const boost = boosterAt(ctx, j);
    if (boost !== 0) {
      let s = boost * DISTANCE_DAMPING[d]!;
      if (ctx.seq[j]!.caps && ctx.mixedCase) s += Math.sign(boost) * CAPS_INCREMENT;
      if (ctx.seq[j]!.elongated) s += Math.sign(boost) * ELONGATION_INCREMENT;
      v += sign * s;
    }
    // A negation word that is itself the sentiment item ("no") is not negated by another ("no no no").
    if (!isNegator(ctx, j) || isNegator(ctx, i)) return;
    const comparison = comparisonScalar(ctx, j, i);
    if (comparison !== undefined) scalar *= comparison;
    else if (FRENCH_NE.has(ctx.norms[j]!)) sawFrenchNe = true;
    else negations++;
  });
  const end = i + length;
  v += sign * postBoost(ctx, end);
  if (negatedAfter(ctx, end)) negations++;
  // "ne … pas" is one negation; a "ne" alone ("je ne sais") still negates.
  if (sawFrenchNe && negations === 0) negations = 1;
  if (leastNegates(ctx, i, window)) negations++;
  // VADER multiplies by the negation scalar once per negation word ("not never good" is positive
  // again). French has negative concord: "sans aucun problème", "jamais rien" negate once.
  if (ctx.lang !== 'en') negations = Math.min(negations, 1);
  return v * scalar * NEGATION_SCALAR ** negations;
}

function punctuationEmphasis(seq: readonly Token[]): number {
  let bangs = 0, questions = 0;
  for (const t of seq) {
    if (t.kind === 'bang') bangs += t.raw.length;
    else if (t.kind === 'question') questions += t.raw.length;
  }
  const bang = Math.min(bangs, 4) * 0.292;
  const question = questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0;
  return bang + question;
}

function hasMixedCase(seq: readonly Token[]): boolean {
  let caps = 0, lower = 0;
  for (const t of seq) if (t.kind === 'word' && !t.fromHashtag && t.raw.length > 1) { if (t.caps) caps++; else lower++; }
  return caps > 0 && lower > 0;
}

/**
 * Words split from a hashtag count when every piece is a known word (#EpicFail, #LoveIt, #trop_nul); a
 * hashtag with a name in it is a topic (#SamsungCare, #SamsungFreeDelivery), not an opinion.
 */
function isOpinionHashtag(seq: readonly Token[], i: number): boolean {
  let first = i;
  while (first > 0 && seq[first - 1]!.fromHashtag) first--;
  let last = first;
  while (last + 1 < seq.length && seq[last + 1]!.fromHashtag) last++;
  if (first === last) return true; // one word (#fail, #fails): looked up like any word
  for (let k = first; k <= last; k++) if (!isKnownWord(seq[k]!.norm)) return false;
  return true;
}

/**
 * The span (start, end) from "although" / "bien que" / "même si" to the end of its clause, if any: the
 * concession. A bare "though" heads a concession only at the start of a clause; elsewhere it is the
 * adverb of "Great battery though", which concedes nothing.
 */
function concessionClause(ctx: Context): [number, number] | undefined {
  for (let i = 0; i < ctx.seq.length; i++) {
    const norm = ctx.norms[i]!;
    const head = ctx.pairs.concession.has(norm) && ctx.mods.concession.has(`${norm} ${ctx.norms[i + 1]}`) ? 2 : ctx.mods.concession.has(norm) ? 1 : 0;
    if (head === 0 || (norm === 'though' && i > 0 && !isBoundary(ctx.seq[i - 1]!))) continue;
    let end = i + head;
    while (end < ctx.seq.length && !isBoundary(ctx.seq[end]!)) end++;
    return [i, end];
  }
  return undefined;
}

export function sentimentOf(doc: AnalyzedText): SentimentResult {
  return scoreSentiment(doc, undefined);
}

interface Contribution { word: string; valence: number }

/** The contributions behind a sentiment (word, valence after modifiers and contrast), for tests and "why". */
export function explainSentiment(doc: AnalyzedText): { result: SentimentResult; contributions: Contribution[] } {
  const contributions: Contribution[] = [];
  const result = scoreSentiment(doc, contributions);
  return { result, contributions };
}

/** The sentiment of a text; the contributions are listed in `contributions` when given (scoring needs none). */
function scoreSentiment(doc: AnalyzedText, contributions: Contribution[] | undefined): SentimentResult {
  const { seq, norms } = sentimentTokens(doc.tokens);
  const mods = modifiersFor(doc.lang, !CLASSIFIER.rules.extraBoosters);
  const ctx: Context = { seq, norms, lang: doc.lang, mods, pairs: pairStartsOf(mods), mixedCase: hasMixedCase(seq) };
  const items: Array<{ at: number; v: number }> = [];
  let contrastAt = -1;
  for (let i = 0; i < seq.length; i++) {
    const t = seq[i]!;
    if (isBoundary(t)) continue;
    const norm = ctx.norms[i]!;
    if (t.kind === 'word' && (ctx.mods.contrast.has(norm) || (ctx.pairs.contrast.has(norm) && ctx.mods.contrast.has(`${norm} ${ctx.norms[i + 1]}`)))) contrastAt = i;
    const phrase = t.kind === 'word' && PHRASE_STARTS.has(ctx.norms[i]!) ? phraseAt(ctx.norms, i, doc.lang) : undefined;
    if (phrase) {
      if (phrase.value !== 0) items.push({ at: i, v: scoreItem(ctx, i, phrase.value, phrase.length) });
      i += phrase.length - 1;
      continue;
    }
    if (t.fromHashtag && (!CLASSIFIER.rules.hashtagWords || !isOpinionHashtag(seq, i))) continue;
    const base = tokenValence(ctx, i);
    if (base === 0 || (t.kind === 'word' && isModifierOnly(ctx, i))) continue;
    items.push({ at: i, v: scoreItem(ctx, i, base, 1) });
  }
  // A concession only matters when there is no contrast and some item to weigh.
  const concession = contrastAt < 0 && items.length > 0 && CLASSIFIER.rules.concession ? concessionClause(ctx) : undefined;
  const hasConcession = concession !== undefined && items.some((item) => item.at >= concession[0] && item.at < concession[1]);
  let sum = 0;
  for (const item of items) {
    let weight = contrastAt < 0 ? 1 : item.at < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
    if (hasConcession) weight = item.at >= concession[0] && item.at < concession[1] ? BEFORE_CONTRAST : AFTER_CONTRAST;
    sum += item.v * weight;
    contributions?.push({ word: seq[item.at]!.norm, valence: Math.round(item.v * weight * 1000) / 1000 });
  }
  if (sum !== 0) sum += Math.sign(sum) * punctuationEmphasis(seq);
  const compound = sum / Math.sqrt(sum * sum + ALPHA);
  const sentiment = Math.round(compound * 10_000) / 10_000;
  const cut = doc.lang === 'fr' ? CLASSIFIER.neutralCut.fr : CLASSIFIER.neutralCut.en;
  const label: SentimentLabel = sentiment >= cut.pos ? 'positive' : sentiment <= -cut.neg ? 'negative' : 'neutral';
  return { sentiment, label };
}
