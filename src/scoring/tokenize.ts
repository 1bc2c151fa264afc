// Social-media tokenizer: recognises URLs, @mentions, #hashtags, emoticons, emoji, words and the
// punctuation that matters for sentiment (! ? and clause boundaries). French elisions ("l'usine",
// "n'aime") are split so that the word after the apostrophe is looked up on its own and "n'" can act as
// a negation.
//
// The kinds are tried in a fixed order at each position, the first that matches wins, as in one regular
// expression alternating them; unmatched characters are skipped. Rather than run that alternation, which
// allocates a match and its named groups per token, a table says which kinds can start with each ASCII
// character, and only those are tried, as sticky expressions whose `test` leaves the end in `lastIndex`.
import { fold, isElongated, unelongate } from './fold.js';

export type TokenKind = 'word' | 'hashtag' | 'mention' | 'url' | 'emoji' | 'emoticon' | 'bang' | 'question' | 'stop' | 'number';

export interface Token {
  kind: TokenKind;
  /** The text as written (for a hashtag: without the #). */
  raw: string;
  /** Folded: lower case, no accents, elongation left as written. */
  norm: string;
  /** Written in capitals ("NEVER"), a sign of emphasis. */
  caps: boolean;
  /** A letter stretched ("nuuul"); `norm` keeps the stretch, callers pick a spelling with `unelongate`. */
  elongated: boolean;
  /** Set on the words that come from splitting a hashtag. */
  fromHashtag?: boolean;
}

const EMOTICON =
  String.raw`(?:>?[:;=]['’]?[\-o*^]?(?:[()\[\]{}|\/\\]+|[dDpPoOsSlLcC$@*3](?![\p{L}\p{N}]))` +
  String.raw`|[()\[\]\/\\|]+[\-'^]?[:;=](?![\p{L}\p{N}])|<\/?3+|\^[_\-.]?\^|-_-|[Tt]_[Tt]|[oO]_[oO]|[xX][dD]+(?![\p{L}\p{N}])|[xX]\)+)`;
const EMOJI = String.raw`\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}\uFE0F?|[\u{1F3FB}-\u{1F3FF}])*`;
const WORD = String.raw`[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*`;

interface Alternative {
  kind: TokenKind;
  /** Matches at `lastIndex` only (flag y). */
  sticky: RegExp;
  /** The characters the kind can start with. */
  first: RegExp;
}

const alternative = (kind: TokenKind, source: string, first: RegExp): Alternative => ({ kind, sticky: new RegExp(source, 'uy'), first });

/** In order of precedence: at a position, the first kind that matches wins. */
const ALTERNATIVES: readonly Alternative[] = [
  alternative('url', String.raw`(?:https?:\/\/|www\.)\S+`, /[hw]/),
  alternative('mention', String.raw`@[\p{L}\p{N}_]+`, /@/),
  alternative('hashtag', String.raw`#[\p{L}\p{M}\p{N}_]+`, /#/),
  alternative('emoticon', `(?<![\\p{L}\\p{N}])(?:${EMOTICON})`, /[>:;=()[\]/\\|<^\-TtoOxX]/),
  alternative('emoji', EMOJI, /\p{Extended_Pictographic}/u),
  alternative('word', WORD, /[\p{L}\p{M}]/u),
  alternative('number', String.raw`\p{N}+(?:[.,]\p{N}+)*%?`, /\p{N}/u),
  alternative('bang', '!+', /!/),
  alternative('question', String.raw`\?+`, /\?/),
  alternative('stop', String.raw`[.;:,…]+|\s[-–—]\s`, /[.;:,…\s]/u),
];

/** For each ASCII character, the alternatives that can start with it, in order of precedence. */
const ASCII_CANDIDATES: ReadonlyArray<readonly Alternative[]> = Array.from({ length: 128 }, (_, code) =>
  ALTERNATIVES.filter((a) => a.first.test(String.fromCharCode(code))));
/** Every kind that can start with a non-ASCII character (no URL, mention, hashtag or emoticon does). */
const NON_ASCII_CANDIDATES: readonly Alternative[] = ALTERNATIVES.filter((a) => ['emoji', 'word', 'number', 'stop'].includes(a.kind));

/** End of the match of `alt` at `at`, or −1. */
function matchEnd(alt: Alternative, text: string, at: number): number {
  alt.sticky.lastIndex = at;
  return alt.sticky.test(text) ? alt.sticky.lastIndex : -1;
}

const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

function isCaps(raw: string): boolean {
  return raw.length > 1 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}

function wordToken(raw: string, kind: TokenKind = 'word'): Token {
  return { kind, raw, norm: fold(raw), caps: isCaps(raw), elongated: isElongated(raw) };
}

/** What the tokenizer makes of one matched word: its tokens' fields, without the kind. */
interface WordPiece { raw: string; norm: string; caps: boolean; elongated: boolean }

const APOSTROPHE = /['’]/;

/** Splits French elisions: "qu'il" → "qu'", "il"; English contractions ("don't") stay whole. */
function splitElisions(raw: string, pieces: WordPiece[] = []): WordPiece[] {
  const apostrophe = raw.search(APOSTROPHE);
  if (apostrophe > 0) {
    const prefix = raw.slice(0, apostrophe).toLowerCase();
    if (ELISIONS.has(prefix) && apostrophe + 1 < raw.length) {
      pieces.push({ raw: raw.slice(0, apostrophe + 1), norm: `${prefix}'`, caps: false, elongated: false });
      return splitElisions(raw.slice(apostrophe + 1), pieces);
    }
  }
  pieces.push({ raw, norm: fold(raw), caps: isCaps(raw), elongated: isElongated(raw) });
  return pieces;
}

// Words repeat (social text is Zipfian): their folding, case and elision split are memoised.
const wordPieces = new Map<string, readonly WordPiece[]>();
const WORD_CACHE_LIMIT = 50_000;

function pushWord(tokens: Token[], raw: string): void {
  let pieces = wordPieces.get(raw);
  if (pieces === undefined) {
    pieces = splitElisions(raw);
    if (wordPieces.size >= WORD_CACHE_LIMIT) wordPieces.clear();
    wordPieces.set(raw, pieces);
  }
  // Fresh tokens every time: the analyzer rewrites the `norm` of elongated words.
  for (const p of pieces) tokens.push({ kind: 'word', raw: p.raw, norm: p.norm, caps: p.caps, elongated: p.elongated });
}

// Twitter's API, and many feeds, deliver text with &, < and > escaped: "&lt;3" is a heart, and "&gt;"
// must not become the word "gt".
const ENTITY = /&(?:(amp|lt|gt|quot|apos|nbsp)|#(\d{1,6})|#x([\da-f]{1,6}));/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

// Some exports (SemEval's tweets among them) carry JSON escapes as literal text: "don\u2019t", "a\u002c b".
// Read as written, "don\u2019t" would lose its negation; a backslash is otherwise rare in social text.
const UNICODE_ESCAPE = /\\u([\da-fA-F]{4})/g;

function decodeUnicodeEscapes(text: string): string {
  if (!text.includes('\\u')) return text;
  return text.replace(UNICODE_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Decodes the HTML character references and literal \uXXXX escapes that escaped social text carries. */
export function decodeEntities(rawText: string): string {
  const text = decodeUnicodeEscapes(rawText);
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The first alternative that matches at `at`, with its end; undefined when none does. */
function matchAt(text: string, at: number, code: number): { alt: Alternative; end: number } | undefined {
  const candidates = code < 128 ? ASCII_CANDIDATES[code]! : NON_ASCII_CANDIDATES;
  for (const alt of candidates) {
    const end = matchEnd(alt, text, at);
    if (end >= 0) return { alt, end };
  }
  return undefined;
}

const EMOJI_MODIFIERS = /\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu;

function pushToken(tokens: Token[], kind: TokenKind, raw: string): void {
  switch (kind) {
    case 'word': pushWord(tokens, raw); break;
    case 'hashtag': tokens.push(wordToken(raw.slice(1), 'hashtag')); break;
    case 'emoji': tokens.push({ kind, raw, norm: raw.replace(EMOJI_MODIFIERS, ''), caps: false, elongated: false }); break;
    case 'emoticon': tokens.push({ kind, raw, norm: normalizeEmoticon(raw), caps: false, elongated: false }); break;
    case 'bang': tokens.push({ kind, raw, norm: '!', caps: false, elongated: false }); break;
    case 'question': tokens.push({ kind, raw, norm: '?', caps: false, elongated: false }); break;
    case 'stop': tokens.push({ kind, raw, norm: '.', caps: false, elongated: false }); break;
    case 'number': tokens.push({ kind, raw, norm: raw, caps: false, elongated: false }); break;
    case 'mention': tokens.push(wordToken(raw.slice(1), 'mention')); break;
    case 'url': tokens.push({ kind, raw, norm: raw.toLowerCase(), caps: false, elongated: false }); break;
  }
}

const SPACE = 0x20;
const isDash = (code: number): boolean => code === 0x2d || code === 0x2013 || code === 0x2014;
const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

export function tokenize(rawText: string): Token[] {
  const text = decodeEntities(rawText);
  const tokens: Token[] = [];
  for (let at = 0; at < text.length; ) {
    const code = text.charCodeAt(at);
    // Spaces start no token unless a dash follows (" - " is a clause boundary): the common case, cut short.
    const found = code === SPACE && !isDash(text.charCodeAt(at + 1)) ? undefined : matchAt(text, at, code);
    if (found) {
      pushToken(tokens, found.alt.kind, text.slice(at, found.end));
      at = found.end;
    } else {
      // Skip one character: a code point, so never half of a surrogate pair.
      at += isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(at + 1)) ? 2 : 1;
    }
  }
  return tokens;
}

/** ":-)))" and ":)" mean the same; the nose and repeated mouths are dropped, the case of "D"/"P" kept. */
function normalizeEmoticon(raw: string): string {
  const noNose = raw.replace(/^(>?[:;=]['’]?)[-o*^](?=.)/, '$1').replace(/([()[\]{}|/\\])\1+$/, '$1').replace(/^([()[\]/\\|])\1+/, '$1');
  if (/^[xX][dD]+$/.test(noNose)) return 'xd';
  if (/^[xX]\)+$/.test(noNose)) return 'x)';
  if (/^<\/?3+$/.test(noNose)) return noNose.includes('/') ? '</3' : '<3';
  // "=)" and ":)" are the same face; the wink ";" stays distinct.
  return noNose.replace(/D+$/, 'D').replace(/[’]/g, "'").replace(/^(>?)=/, '$1:').replace(/^([()[\]/\\|])=$/, '$1:');
}

export { unelongate };
