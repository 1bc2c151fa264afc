// Reads a page's preview metadata (OpenGraph, Twitter cards, <title>, meta description, the oEmbed
// discovery link) from the start of its HTML, with linear scans that hostile markup cannot slow down.
import { collapseWhitespace, decodeCharacterReferences, truncateText } from '../collectors/feed/html-text.js';

export interface PageMeta {
  title: string | null; description: string | null; site_name: string | null; image_url: string | null;
  /** An oEmbed endpoint advertised by the page (JSON flavour), absolute. */
  oembed_url: string | null;
}

/** Previews only need the <head>; pages put it first, so the scan stops well before big bodies. */
export const HEAD_SCAN_CHARS = 256 * 1024;
const TAG = /<(meta|link)\b([^<>]{0,2000})>/gi;
const ATTRIBUTE = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;
const TITLE = /<title\b[^<>]{0,200}>([^<]{0,2000})<\/title>/i;

function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!found.has(name)) found.set(name, decodeCharacterReferences(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return found;
}

function clean(value: string | undefined, max: number): string | null {
  if (!value) return null;
  const text = collapseWhitespace(value);
  return text ? truncateText(text, max) : null;
}

/** An absolute http(s) URL, or null: a preview never carries javascript:, data: or relative junk. */
export function absoluteHttpUrl(value: string | undefined | null, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.slice(0, 2000) : null;
  } catch {
    return null;
  }
}

export function readPageMeta(html: string, pageUrl: string): PageMeta {
  const head = html.slice(0, HEAD_SCAN_CHARS);
  const meta = new Map<string, string>();
  let oembed: string | null = null;
  for (const m of head.matchAll(TAG)) {
    const attrs = attributes(m[2]!);
    if (m[1]!.toLowerCase() === 'meta') {
      const key = (attrs.get('property') ?? attrs.get('name') ?? '').toLowerCase();
      const content = attrs.get('content');
      if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
    } else if (!oembed && (attrs.get('type') ?? '').toLowerCase() === 'application/json+oembed' && /\balternate\b/i.test(attrs.get('rel') ?? '')) {
      oembed = absoluteHttpUrl(attrs.get('href'), pageUrl);
    }
  }
  const title = TITLE.exec(head)?.[1];
  return {
    title: clean(meta.get('og:title') ?? meta.get('twitter:title') ?? (title ? decodeCharacterReferences(title) : undefined), 300),
    description: clean(meta.get('og:description') ?? meta.get('twitter:description') ?? meta.get('description'), 1000),
    site_name: clean(meta.get('og:site_name') ?? meta.get('application-name'), 200),
    image_url: absoluteHttpUrl(meta.get('og:image:secure_url') ?? meta.get('og:image') ?? meta.get('og:image:url') ?? meta.get('twitter:image'), pageUrl),
    oembed_url: oembed,
  };
}

/** What an oEmbed JSON answer adds (https://oembed.com/#section2.3). */
export function readOembed(payload: unknown, baseUrl: string): Partial<PageMeta> {
  if (!payload || typeof payload !== 'object') return {};
  const o = payload as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  return {
    title: clean(str('title'), 300),
    site_name: clean(str('provider_name'), 200),
    description: clean(str('author_name') ? `${str('author_name')}` : undefined, 1000),
    image_url: absoluteHttpUrl(str('thumbnail_url'), baseUrl),
  };
}
