// Turns raw feed entries into mentions: plain text, absolute links, trustworthy dates, stable ids.
import { createHash } from 'node:crypto';
import { parseFeedDate, plausibleDateOr } from './dates.js';
import { collapseWhitespace, htmlToText, truncateText } from './html-text.js';
import type { FeedFormat, RawEntry, RawFeed } from './rss-adapter.js';

export const MAX_MENTION_TEXT_LENGTH = 4000;
export const MAX_TITLE_LENGTH = 500;
export const MAX_AUTHOR_LENGTH = 200;
export const MAX_EXTERNAL_ID_LENGTH = 512;
export const DEFAULT_MAX_ITEMS = 5000;

export interface ParsedMention {
  external_id: string;
  /** Plain text: title + ' — ' + summary, HTML stripped, entities decoded, whitespace collapsed, capped. */
  text: string;
  author: string | null;
  /** Absolute http(s) URL, or null. */
  url: string | null;
  /** ISO 8601; the fetch time when the feed gave no usable date. */
  published_at: string;
  /** True when published_at is the fetch time because the entry's date was missing or absurd. */
  date_estimated: boolean;
  title: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  mentions: ParsedMention[];
  /** Entries left out: no text at all, exact duplicates, or beyond maxItems. */
  skipped: number;
}

export interface NormaliseOptions {
  baseUrl?: string;
  fetchedAt: Date;
  maxItems?: number;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `ref` made absolute against `base`; null unless the result is an http(s) URL. */
export function resolveHttpUrl(ref: string | null | undefined, base?: string | null): string | null {
  const trimmed = ref?.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** "jane@example.com (Jane Doe)" and "Jane Doe <jane@example.com>" become "Jane Doe". */
export function authorName(raw: string | null): string | null {
  if (!raw) return null;
  const text = htmlToText(raw);
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(text)?.[1] ?? /^(.+?)\s*<[^>]+@[^>]+>$/.exec(text)?.[1] ?? text;
  const name = collapseWhitespace(named.replace(/^["']|["']$/g, ''));
  return name === '' ? null : truncateText(name, MAX_AUTHOR_LENGTH);
}

/** Title and summary joined, without repeating a title the summary already starts with. */
export function mentionText(title: string, summary: string): string {
  if (title === '') return truncateText(summary, MAX_MENTION_TEXT_LENGTH);
  if (summary === '' || summary.toLowerCase() === title.toLowerCase()) return truncateText(title, MAX_MENTION_TEXT_LENGTH);
  if (summary.toLowerCase().startsWith(title.toLowerCase())) return truncateText(summary, MAX_MENTION_TEXT_LENGTH);
  return truncateText(`${title} — ${summary}`, MAX_MENTION_TEXT_LENGTH);
}

interface FeedContext {
  base: string | null;
  author: string | null;
  fetchedAt: Date;
}

function entryToMention(entry: RawEntry, context: FeedContext): { mention: ParsedMention; contentKey: string } | null {
  const title = entry.title ? truncateText(htmlToText(entry.title), MAX_TITLE_LENGTH) : '';
  const summary = htmlToText(entry.summary ?? '') || htmlToText(entry.content ?? '');
  const text = mentionText(title, summary);
  if (text === '') return null;
  const base = resolveHttpUrl(entry.base, context.base) ?? context.base;
  const url = resolveHttpUrl(entry.link, base) ?? (entry.idIsPermalink ? resolveHttpUrl(entry.id) : null);
  const { date, fromFeed } = plausibleDateOr(parseFeedDate(entry.date), context.fetchedAt);
  // The raw date (never the fetch time) goes into the hash, so an undated entry keeps its id across polls.
  const contentKey = sha256(`${title}\n${entry.date ?? ''}\n${summary}`);
  const id = entry.id ?? url ?? entry.link?.trim() ?? `sha256:${contentKey}`;
  return {
    contentKey,
    mention: {
      external_id: id.length > MAX_EXTERNAL_ID_LENGTH ? `sha256:${sha256(id)}` : id,
      text,
      author: authorName(entry.author ?? context.author),
      url,
      published_at: date.toISOString(),
      date_estimated: !fromFeed,
      title: title === '' ? null : title,
    },
  };
}

export function normaliseFeed(raw: RawFeed, options: NormaliseOptions): ParsedFeed {
  const requestBase = resolveHttpUrl(options.baseUrl);
  const declaredBase = resolveHttpUrl(raw.base, requestBase) ?? requestBase;
  const feedLink = resolveHttpUrl(raw.link, declaredBase);
  const context: FeedContext = {
    base: declaredBase ?? feedLink,
    author: raw.author,
    fetchedAt: options.fetchedAt,
  };
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const mentions: ParsedMention[] = [];
  const seen = new Map<string, Set<string>>();
  let skipped = 0;
  for (const entry of raw.entries) {
    const result = mentions.length < maxItems ? entryToMention(entry, context) : null;
    if (!result) {
      skipped += 1;
      continue;
    }
    const { mention, contentKey } = result;
    const id = mention.external_id;
    const contents = seen.get(id) ?? new Set<string>();
    if (contents.has(contentKey)) {
      skipped += 1; // the same entry twice in one document
      continue;
    }
    // Some feeds reuse one guid for different entries; keep them apart without changing the first one's id.
    if (contents.size > 0) mention.external_id = `${id.slice(0, MAX_EXTERNAL_ID_LENGTH - 17)}#${contentKey.slice(0, 16)}`;
    contents.add(contentKey);
    seen.set(id, contents);
    mentions.push(mention);
  }
  return { format: raw.format, title: raw.title ? htmlToText(raw.title) || null : null, link: feedLink, mentions, skipped };
}
