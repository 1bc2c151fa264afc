// parseFeed: a feed document (already decoded to a string) → its mentions. Every failure is a
// FeedParseError with a one-line message: 'empty', 'not_a_feed' (HTML page, JSON, other XML) or
// 'malformed' (XML errors, truncated documents, broken structure).
import { FeedParseError } from './errors.js';
import { normaliseFeed } from './normalise.js';
import type { ParsedFeed } from './normalise.js';
import { MissingChannelError, readFeedStructure } from './rss-adapter.js';
import type { RawFeed } from './rss-adapter.js';
import { inlineXhtmlAsHtml, inlineXhtmlBodies } from './atom-xhtml.js';
import { sniffFeed } from './sniff.js';
import { escapeStrayAmpersands, isEntityError } from './xml-repair.js';

export type { ParsedFeed, ParsedMention } from './normalise.js';

export interface ParseFeedOptions {
  /** URL the document came from (after redirects); relative links resolve against it. */
  baseUrl?: string;
  /** Stands in for missing or absurd entry dates. */
  fetchedAt: Date;
  /** At most this many mentions (the first ones in document order); default 5000. */
  maxItems?: number;
}

/** sax reports "Unclosed root tag\nLine: 0\nColumn: 222\nChar: "; make it a sentence. */
function describeXmlError(message: string): string {
  const [reason = 'syntax error', ...details] = message.split('\n');
  const line = /^Line: (\d+)/.exec(details.find((d) => d.startsWith('Line:')) ?? '')?.[1];
  const column = /^Column: (\d+)/.exec(details.find((d) => d.startsWith('Column:')) ?? '')?.[1];
  const where = line !== undefined ? ` at line ${Number(line) + 1}${column !== undefined ? `, column ${column}` : ''}` : '';
  const truncated = /unclosed|unexpected end/i.test(reason) ? ' (the document looks truncated)' : '';
  return `invalid XML${where}: ${reason.charAt(0).toLowerCase()}${reason.slice(1).replace(/\.$/, '')}${truncated}`;
}

function classify(err: unknown): FeedParseError {
  if (err instanceof FeedParseError) return err;
  if (err instanceof MissingChannelError) return new FeedParseError('malformed', `invalid RSS: ${err.message}`, { cause: err });
  const message = err instanceof Error ? err.message : String(err);
  if (/\nLine: \d+/.test(message)) return new FeedParseError('malformed', describeXmlError(message), { cause: err });
  if (/not recognized as RSS/i.test(message)) {
    return new FeedParseError('not_a_feed', 'the XML is not an RSS, Atom or RDF feed', { cause: err });
  }
  // Anything else is rss-parser tripping over an odd structure; its message (a JS TypeError) means
  // nothing to an administrator, so it only travels as the cause.
  return new FeedParseError('malformed', 'the feed structure is not valid RSS, Atom or RDF', { cause: err });
}

async function readWithRepair(xml: string): Promise<RawFeed> {
  try {
    return await readFeedStructure(xml);
  } catch (err) {
    if (!isEntityError(err)) throw err;
    const repaired = escapeStrayAmpersands(xml);
    if (repaired === xml) throw err;
    return await readFeedStructure(repaired);
  }
}

export async function parseFeed(xml: string, options: ParseFeedOptions): Promise<ParsedFeed> {
  try {
    const { root } = sniffFeed(xml, options.baseUrl);
    const raw = await readWithRepair(root === 'feed' ? inlineXhtmlAsHtml(xml) : inlineXhtmlBodies(xml));
    return normaliseFeed(raw, options);
  } catch (err) {
    throw classify(err);
  }
}
