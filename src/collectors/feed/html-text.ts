// Reduces the HTML found in feed titles and descriptions to one line of plain text: scripts, styles
// and comments dropped, tags removed (block tags become spaces), character references decoded,
// whitespace collapsed. Every pass is linear in the input: descriptions come from strangers.
import { windows1252CodePoint } from './charset.js';
import { NAMED_ENTITIES } from './html-entities.js';

// Elements whose content is never text a reader sees.
const HIDDEN_ELEMENT = /<(script|style|noscript|template|iframe|object|svg|math|head)\b/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g;
const BLOCK_ELEMENTS = new Set([
  'p', 'br', 'div', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'tr', 'td', 'th',
  'table', 'thead', 'tbody', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main',
  'figure', 'figcaption', 'img', 'address', 'details', 'summary',
]);
const CHARACTER_REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;
// What is left after one pass when a feed escaped its HTML twice (&amp;lt;p&amp;gt;).
const LEFTOVER_MARKUP = /<\/?(?:p|br|div|span|a|b|i|u|em|strong|img|ul|ol|li|h[1-6]|blockquote|font)\b[^<>]*>/i;
// Invisible characters: C0/C1 controls (not whitespace), soft hyphen, zero-width space, word joiner, BOM.
// Zero-width (non-)joiners are kept: emoji sequences and some scripts need them.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B\u2060\uFEFF]/g;

/** Index just past the element's closing tag, or the end of the text when it is never closed. */
function endOfElement(html: string, name: string, from: number): number {
  // Searched case-insensitively in the original text: lower-casing a copy can change its length.
  const closing = new RegExp(`</${name}`, 'gi');
  closing.lastIndex = from;
  const match = closing.exec(html);
  const end = match ? html.indexOf('>', match.index) : -1;
  return end < 0 ? html.length : end + 1;
}

function removeHiddenElements(html: string): string {
  let out = '';
  let position = 0;
  HIDDEN_ELEMENT.lastIndex = 0;
  for (let match = HIDDEN_ELEMENT.exec(html); match; match = HIDDEN_ELEMENT.exec(html)) {
    out += `${html.slice(position, match.index)} `;
    position = endOfElement(html, match[1] ?? '', match.index + match[0].length);
    HIDDEN_ELEMENT.lastIndex = position;
  }
  return out + html.slice(position);
}

function decodeCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(windows1252CodePoint(code));
}

export function decodeCharacterReferences(text: string): string {
  return text.replace(CHARACTER_REFERENCE, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (decimal !== undefined) return decodeCodePoint(Number(decimal));
    if (hex !== undefined) return decodeCodePoint(parseInt(hex, 16));
    return NAMED_ENTITIES.get(name ?? '') ?? whole;
  });
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * End of the tag starting at `start` (index of its '>'), or -1 when this '<' is not a tag. Quoted
 * attribute values may contain '>', but a '<' anywhere ends the attempt, so each scan stops at the
 * next '<' and the whole pass stays linear even on hostile input.
 */
function tagEnd(html: string, start: number): number {
  let quote = 0;
  for (let i = start + 1; i < html.length; i++) {
    const code = html.charCodeAt(i);
    if (code === 60) return -1; // '<'
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) quote = code;
    else if (code === 62) return i; // '>'
  }
  return -1;
}

function tagName(html: string, start: number): string {
  const match = /^<\/?([a-zA-Z][a-zA-Z0-9]*)/.exec(html.slice(start, start + 40));
  return (match?.[1] ?? '').toLowerCase();
}

/** Removes tags (block ones leave a space) and declarations; a '<' that starts no tag is text. */
function removeTags(html: string): string {
  const parts: string[] = [];
  let position = 0;
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', lt + 1)) {
    const next = html.charCodeAt(lt + 1);
    const opensTag = isAsciiLetter(next) || (next === 47 && isAsciiLetter(html.charCodeAt(lt + 2))) || next === 33 || next === 63;
    const end = opensTag ? tagEnd(html, lt) : -1;
    if (end < 0) continue;
    parts.push(html.slice(position, lt), BLOCK_ELEMENTS.has(tagName(html, lt)) || next === 33 || next === 63 ? ' ' : '');
    position = end + 1;
    lt = end;
  }
  parts.push(html.slice(position));
  return parts.join('');
}

// Namespace-prefixed tags (<xhtml:script>, <o:p>) are read as their local name, so a prefixed script is
// removed like any script.
const TAG_PREFIX = /<(\/?)[A-Za-z][\w.-]*:(?=[A-Za-z])/g;

function stripMarkup(html: string): string {
  const visible = removeHiddenElements(html.replace(COMMENT, ' ').replace(TAG_PREFIX, '<$1')).replace(CDATA, '$1');
  return decodeCharacterReferences(removeTags(visible));
}

/** Whitespace collapsed to single spaces, invisible characters removed, trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

export function htmlToText(html: string): string {
  let text = stripMarkup(html);
  if (LEFTOVER_MARKUP.test(text)) text = stripMarkup(text);
  return collapseWhitespace(text);
}

/** Cuts at a word boundary near `max` characters and marks the cut with an ellipsis. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const space = text.lastIndexOf(' ', cut);
  if (space > max * 0.8) cut = space;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // never split a surrogate pair
  return `${text.slice(0, cut).trimEnd()}…`;
}
