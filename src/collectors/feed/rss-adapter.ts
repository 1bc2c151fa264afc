// Reads a feed document with rss-parser and returns the raw pieces Pilotfish needs, per entry.
// rss-parser recognises the format (RSS 0.9x/2.0, RDF/RSS 1.0, Atom 1.0) and extracts most fields, but it
// drops attributes we need (guid isPermaLink, xml:base, Atom link rel, text constructs) and throws on
// some real-world input (an Atom date it cannot parse fails the whole feed). So each document gets its
// own Parser instance whose item builders are wrapped: they see the raw xml2js node next to
// rss-parser's own result, and Atom entries reach rss-parser without the fields it would choke on.
import Parser from 'rss-parser';

export type FeedFormat = 'rss' | 'rdf' | 'atom';

export interface RawEntry {
  /** guid, atom:id or rdf:about, as written. */
  id: string | null;
  /** RSS guid isPermaLink (true unless "false"): the guid may then serve as the link. */
  idIsPermalink: boolean;
  title: string | null;
  summary: string | null;
  content: string | null;
  link: string | null;
  /** xml:base on the entry, unresolved. */
  base: string | null;
  date: string | null;
  author: string | null;
}

export interface RawFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  base: string | null;
  author: string | null;
  entries: RawEntry[];
}

type XmlNode = Record<string, unknown>;
type ParserItem = Record<string, unknown>;

interface ParserInternals {
  buildAtomFeed(xmlObj: XmlNode): unknown;
  parseItemAtom(entry: XmlNode): ParserItem;
  buildRSS0_9(xmlObj: XmlNode): unknown;
  buildRSS1(xmlObj: XmlNode): unknown;
  buildRSS2(xmlObj: XmlNode): unknown;
  buildRSS(channel: XmlNode, items: XmlNode[] | undefined): unknown;
  parseItemRss(xmlItem: XmlNode, itemFields: unknown): ParserItem;
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function first(node: unknown, key: string): unknown {
  if (!isNode(node)) return undefined;
  const value = node[key];
  return Array.isArray(value) ? value[0] : value;
}

function attribute(node: unknown, name: string): string | null {
  const attributes = isNode(node) ? node.$ : undefined;
  const value = isNode(attributes) ? attributes[name] : undefined;
  return typeof value === 'string' ? value : null;
}

/** All the text in an xml2js value (element order inside mixed content is not kept by xml2js). */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const parts = value.map(textOf).filter((part): part is string => part !== null);
    return parts.length > 0 ? parts.join(' ') : null;
  }
  if (!isNode(value)) return null;
  const parts = Object.entries(value)
    .filter(([key]) => key !== '$')
    .map(([, child]) => textOf(child))
    .filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

function stringField(item: ParserItem, key: string): string | null {
  const value = item[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function nonEmpty(value: string | null): string | null {
  return value !== null && value.trim() !== '' ? value.trim() : null;
}

/** Atom links: the first rel="alternate" (or rel-less) one, HTML preferred, else any link. */
function atomLink(links: unknown): string | null {
  const candidates = (Array.isArray(links) ? links : [links]).filter((link) => attribute(link, 'href') !== null);
  const alternates = candidates.filter((link) => (attribute(link, 'rel') ?? 'alternate') === 'alternate');
  const html = alternates.find((link) => /html/i.test(attribute(link, 'type') ?? 'text/html'));
  const chosen = html ?? alternates[0] ?? candidates[0];
  return chosen === undefined ? null : attribute(chosen, 'href');
}

/** media:description at the item, inside media:group or inside media:content (Media RSS; YouTube uses the group). */
function mediaDescription(node: XmlNode): string | null {
  const direct = nonEmpty(textOf(first(node, 'media:description')));
  if (direct) return direct;
  for (const container of ['media:group', 'media:content']) {
    const values = node[container];
    for (const child of Array.isArray(values) ? values : [values]) {
      const found = isNode(child) ? mediaDescription(child) : null;
      if (found) return found;
    }
  }
  return null;
}

/**
 * Where entries keep their text when the usual fields are empty, in order of preference: inline XHTML bodies,
 * podcast summaries, Media RSS descriptions, Dublin Core, and Atom elements inside RSS items.
 */
function fallbackText(node: XmlNode): string | null {
  for (const key of ['xhtml:body', 'xhtml:div', 'body', 'itunes:summary', 'itunes:subtitle', 'dc:description', 'atom:summary', 'atom:content', 'description', 'content']) {
    const text = nonEmpty(textOf(first(node, key)));
    if (text) return text;
  }
  return mediaDescription(node);
}

function atomEntry(entry: XmlNode, item: ParserItem): RawEntry {
  return {
    id: nonEmpty(textOf(first(entry, 'id'))),
    idIsPermalink: false,
    title: textOf(first(entry, 'title')),
    summary: stringField(item, 'summary'),
    content: stringField(item, 'content') ?? nonEmpty(textOf(first(entry, 'content'))) ?? mediaDescription(entry) ?? fallbackText(entry),
    // <link>url</link> is invalid Atom but seen in the wild.
    link: atomLink(entry.link) ?? nonEmpty(textOf(first(entry, 'link'))),
    base: attribute(entry, 'xml:base'),
    date: nonEmpty(textOf(first(entry, 'published')) ?? textOf(first(entry, 'updated')) ?? textOf(first(entry, 'issued')) ?? textOf(first(entry, 'modified'))),
    author: nonEmpty(textOf(first(first(entry, 'author'), 'name'))),
  };
}

function rssEntry(xmlItem: XmlNode, item: ParserItem): RawEntry {
  const guid = first(xmlItem, 'guid');
  const id = nonEmpty(textOf(guid)) ?? nonEmpty(attribute(xmlItem, 'rdf:about'));
  const atomAlternate = atomLink(xmlItem['atom:link']);
  return {
    id,
    idIsPermalink: guid !== undefined && attribute(guid, 'isPermaLink')?.toLowerCase() !== 'false',
    title: stringField(item, 'title') ?? textOf(first(xmlItem, 'title')),
    summary: stringField(item, 'content') ?? stringField(item, 'summary'),
    content: stringField(item, 'content:encoded') ?? nonEmpty(textOf(first(xmlItem, 'content:encoded'))) ?? fallbackText(xmlItem),
    link: nonEmpty(stringField(item, 'link') ?? textOf(first(xmlItem, 'link'))) ?? atomAlternate,
    base: attribute(xmlItem, 'xml:base'),
    date: nonEmpty(stringField(item, 'pubDate') ?? stringField(item, 'date') ?? textOf(first(xmlItem, 'dc:date'))),
    author: nonEmpty(stringField(item, 'creator') ?? stringField(item, 'author') ?? textOf(first(xmlItem, 'author'))),
  };
}

/** Copy of an Atom node without the parts rss-parser would throw on; we read those ourselves. */
function withoutFragileAtomFields(node: XmlNode): XmlNode {
  const { published: _published, updated: _updated, link, ...rest } = node;
  const safeLinks = (Array.isArray(link) ? link : []).filter((entry) => attribute(entry, 'href') !== null);
  return safeLinks.length > 0 ? { ...rest, link: safeLinks } : rest;
}

function instrument(parser: Parser): { result: () => RawFeed | null } {
  const internals = parser as unknown as ParserInternals;
  const original = {
    buildAtomFeed: internals.buildAtomFeed.bind(parser),
    parseItemAtom: internals.parseItemAtom.bind(parser),
    buildRSS: internals.buildRSS.bind(parser),
    buildRSS0_9: internals.buildRSS0_9.bind(parser),
    buildRSS1: internals.buildRSS1.bind(parser),
    buildRSS2: internals.buildRSS2.bind(parser),
    parseItemRss: internals.parseItemRss.bind(parser),
  };
  let feed: RawFeed | null = null;
  let format: FeedFormat = 'rss';
  const entries: RawEntry[] = [];

  internals.parseItemAtom = (entry) => {
    const item = original.parseItemAtom(withoutFragileAtomFields(entry));
    entries.push(atomEntry(entry, item));
    return item;
  };
  internals.parseItemRss = (xmlItem, itemFields) => {
    const item = original.parseItemRss(xmlItem, itemFields);
    entries.push(rssEntry(xmlItem, item));
    return item;
  };
  internals.buildAtomFeed = (xmlObj) => {
    const node = first(xmlObj, 'feed');
    const built = original.buildAtomFeed({ ...xmlObj, feed: isNode(node) ? withoutFragileAtomFields(node) : node });
    feed = {
      format: 'atom',
      title: nonEmpty(textOf(first(node, 'title'))),
      link: atomLink(isNode(node) ? node.link : undefined),
      base: attribute(node, 'xml:base'),
      author: nonEmpty(textOf(first(first(node, 'author'), 'name'))),
      entries,
    };
    return built;
  };
  // rss-parser reads `rss.channel[0]` blindly; refuse a document without a channel first.
  internals.buildRSS0_9 = (xmlObj) => original.buildRSS0_9(requireChannel(xmlObj, 'rss'));
  internals.buildRSS2 = (xmlObj) => original.buildRSS2(requireChannel(xmlObj, 'rss'));
  internals.buildRSS1 = (xmlObj) => {
    format = 'rdf';
    return original.buildRSS1(requireChannel(xmlObj, 'rdf:RDF'));
  };
  internals.buildRSS = (channel, items) => {
    const built = original.buildRSS(channel, items);
    feed = {
      format,
      title: nonEmpty(textOf(first(channel, 'title'))),
      link: nonEmpty(textOf(first(channel, 'link'))),
      base: attribute(channel, 'xml:base'),
      author: nonEmpty(textOf(first(channel, 'dc:creator')) ?? textOf(first(channel, 'managingEditor'))),
      entries,
    };
    return built;
  };
  return { result: () => feed };
}

export class MissingChannelError extends Error {
  constructor() {
    super('the document has no <channel> element');
  }
}

/** `<channel/>` (xml2js makes it '') is an empty feed; no channel at all is an error. */
function requireChannel(xmlObj: XmlNode, root: string): XmlNode {
  const channel = first(first(xmlObj, root), 'channel');
  if (!isNode(channel) && channel !== '') throw new MissingChannelError();
  return xmlObj;
}

/** Parses with rss-parser; rejects with rss-parser's (or xml2js's) own errors, classified by the caller. */
export async function readFeedStructure(xml: string): Promise<RawFeed> {
  const parser = new Parser({ defaultRSS: 2 });
  const { result } = instrument(parser);
  await parser.parseString(xml);
  const feed = result();
  if (!feed) throw new Error('rss-parser returned no feed');
  return feed;
}
