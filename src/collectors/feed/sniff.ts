// Looks at the start of a document before the XML parser does, so that the common mistakes (an HTML
// page, an error page, JSON, an empty body) get a message an administrator understands.
import { FeedParseError } from './errors.js';

const HEAD_LENGTH = 64 * 1024;
// XML declaration, processing instructions, comments and a doctype (with an internal subset) before the root.
const PROLOG_THEN_ROOT = /^(?:\s|<\?[^]*?\?>|<!--[^]*?-->|<!DOCTYPE(?:[^>[]|\[[^\]]*\])*>)*<([A-Za-z_][\w.:-]*)/;
const FEED_ROOTS = /^(?:rss|feed|(?:[\w.-]+:)?RDF)$/;

export interface SniffResult {
  root: string;
}

function excerpt(text: string): string {
  const flat = text.slice(0, 40).replace(/\s+/g, ' ').trim();
  return text.length > 40 ? `${flat}…` : flat;
}

/** Feed URLs an HTML page advertises with <link rel="alternate" type="application/rss+xml" href="...">. */
export function advertisedFeedLinks(html: string, baseUrl?: string): string[] {
  const links: string[] = [];
  for (const [tag] of html.slice(0, HEAD_LENGTH).matchAll(/<link\b[^>]*>/gi)) {
    const rel = /\brel\s*=\s*["']?([^"'>]*)/i.exec(tag)?.[1] ?? '';
    const type = /\btype\s*=\s*["']?([^"'>\s]*)/i.exec(tag)?.[1] ?? '';
    const hrefMatch = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const target = hrefMatch?.[1] ?? hrefMatch?.[2] ?? hrefMatch?.[3];
    if (!target || !/\balternate\b/i.test(rel) || !/(?:rss|atom|rdf)\+xml/i.test(type)) continue;
    const href = target.replace(/&amp;/g, '&');
    try {
      links.push(new URL(href, baseUrl).href);
    } catch {
      links.push(href); // relative, and no base to resolve it against: still a useful hint
    }
  }
  return links;
}

export class NotAFeedError extends FeedParseError {
  constructor(message: string, readonly advertisedFeeds: string[] = []) {
    super('not_a_feed', message);
  }
}

/** Throws FeedParseError ('empty' / 'not_a_feed' / 'malformed') unless the document looks like a feed. */
export function sniffFeed(text: string, baseUrl?: string): SniffResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new FeedParseError('empty', 'the document is empty');
  const start = body.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    const jsonFeed = /jsonfeed\.org\/version/.test(start.slice(0, 1000));
    throw new NotAFeedError(jsonFeed ? 'the document is a JSON Feed, which is not supported (RSS, Atom or RDF only)' : 'the document is JSON, not an RSS, Atom or RDF feed');
  }
  if (!start.startsWith('<')) throw new NotAFeedError(`the document is not XML (it starts with "${excerpt(start)}")`);
  const head = body.slice(0, HEAD_LENGTH);
  const root = PROLOG_THEN_ROOT.exec(head)?.[1];
  if (/^\s*(?:<\?[^]*?\?>\s*)?<!DOCTYPE\s+html\b/i.test(head) || root?.toLowerCase() === 'html') {
    const feeds = advertisedFeedLinks(head, baseUrl);
    const hint = feeds.length > 0 ? `; it advertises a feed at ${feeds[0]}` : '';
    throw new NotAFeedError(`the document is an HTML page, not an RSS, Atom or RDF feed${hint}`, feeds);
  }
  if (!root) throw new FeedParseError('malformed', 'the document ends or breaks before its root element');
  if (!FEED_ROOTS.test(root)) throw new NotAFeedError(`the XML root element is <${root}>, not <rss>, <feed> or <rdf:RDF>`);
  return { root };
}
