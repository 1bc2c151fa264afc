// Social-media tokenizer: one pass of a sticky regular expression that recognises URLs, @mentions,
// #hashtags, emoticons, emoji, words and the punctuation that matters for sentiment (! ? and clause
// boundaries). French elisions ("l'usine", "n'aime") are split so that the word after the apostrophe
// is looked up on its own and "n'" can act as a negation.
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

const TOKEN_RE = new RegExp(
  [
    String.raw`(?<url>(?:https?:\/\/|www\.)\S+)`,
    String.raw`(?<mention>@[\p{L}\p{N}_]+)`,
    String.raw`(?<hashtag>#[\p{L}\p{M}\p{N}_]+)`,
    `(?<![\\p{L}\\p{N}])(?<emoticon>${EMOTICON})`,
    `(?<emoji>${EMOJI})`,
    `(?<word>${WORD})`,
    String.raw`(?<number>\p{N}+(?:[.,]\p{N}+)*%?)`,
    String.raw`(?<bang>!+)`,
    String.raw`(?<question>\?+)`,
    String.raw`(?<stop>[.;:,…]+|\s[-–—]\s)`,
  ].join('|'),
  'gu',
);

const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

function isCaps(raw: string): boolean {
  return raw.length > 1 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}

function wordToken(raw: string, kind: TokenKind = 'word'): Token {
  return { kind, raw, norm: fold(raw), caps: isCaps(raw), elongated: isElongated(raw) };
}

/** Splits French elisions: "qu'il" → "qu'", "il"; English contractions ("don't") stay whole. */
function pushWord(tokens: Token[], raw: string): void {
  const apostrophe = raw.search(/['’]/);
  if (apostrophe > 0) {
    const prefix = raw.slice(0, apostrophe).toLowerCase();
    if (ELISIONS.has(prefix) && apostrophe + 1 < raw.length) {
      tokens.push({ kind: 'word', raw: raw.slice(0, apostrophe + 1), norm: `${prefix}'`, caps: false, elongated: false });
      pushWord(tokens, raw.slice(apostrophe + 1));
      return;
    }
  }
  tokens.push(wordToken(raw));
}

// Twitter's API, and many feeds, deliver text with &, < and > escaped: "&lt;3" is a heart, and "&gt;"
// must not become the word "gt".
const ENTITY = /&(?:(amp|lt|gt|quot|apos|nbsp)|#(\d{1,6})|#x([\da-f]{1,6}));/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the HTML character references that escaped social text carries. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function tokenize(rawText: string): Token[] {
  const text = decodeEntities(rawText);
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const g = m.groups;
    if (!g) continue;
    if (g.word !== undefined) pushWord(tokens, g.word);
    else if (g.hashtag !== undefined) tokens.push(wordToken(g.hashtag.slice(1), 'hashtag'));
    else if (g.emoji !== undefined) tokens.push({ kind: 'emoji', raw: g.emoji, norm: g.emoji.replace(/\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu, ''), caps: false, elongated: false });
    else if (g.emoticon !== undefined) tokens.push({ kind: 'emoticon', raw: g.emoticon, norm: normalizeEmoticon(g.emoticon), caps: false, elongated: false });
    else if (g.bang !== undefined) tokens.push({ kind: 'bang', raw: g.bang, norm: '!', caps: false, elongated: false });
    else if (g.question !== undefined) tokens.push({ kind: 'question', raw: g.question, norm: '?', caps: false, elongated: false });
    else if (g.stop !== undefined) tokens.push({ kind: 'stop', raw: g.stop, norm: '.', caps: false, elongated: false });
    else if (g.number !== undefined) tokens.push({ kind: 'number', raw: g.number, norm: g.number, caps: false, elongated: false });
    else if (g.mention !== undefined) tokens.push(wordToken(g.mention.slice(1), 'mention'));
    else if (g.url !== undefined) tokens.push({ kind: 'url', raw: g.url, norm: g.url.toLowerCase(), caps: false, elongated: false });
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
