// Any JSON API: GET the url (with the configured headers, whose values are secrets), find the item list with a
// JSON pointer, and map each item's id, text, author, url, date and reach figures with pointers relative to the
// item. An optional `next` pointer (relative to the document) gives the next page's URL; items are read
// newest first until one is older than the cursor, like the other poll connectors.
import type { PollConnector } from '../poll/connector.js';
import { lagOf, readCursor } from '../poll/connector.js';
import { catchUp, type ListingCursor, type ListingPage, type TimedMention } from '../poll/catch-up.js';
import { PollError } from '../poll/errors.js';
import { plainText, reachOf, toMention } from '../poll/mention.js';
import { parsePointer, resolvePointer } from './pointer.js';

export const JSON_FIELDS = ['id', 'text', 'author', 'url', 'date', 'followers', 'likes', 'reposts', 'replies'] as const;
export type JsonField = (typeof JSON_FIELDS)[number];
export type JsonMapping = { items: string; next?: string; id: string; text: string } & Partial<Record<JsonField, string>>;
export interface JsonSourceConfig { mapping: JsonMapping; network?: string }

export const HEADER_SECRET_PREFIX = 'headers.';

function dateOf(v: unknown): Date | null {
  if (typeof v === 'number' && Number.isFinite(v)) return new Date(v < 1e11 ? v * 1000 : v);
  if (typeof v === 'string' && v.trim()) {
    const numeric = /^\d+(\.\d+)?$/.test(v.trim()) ? dateOf(Number(v)) : new Date(v);
    return numeric && !Number.isNaN(numeric.getTime()) ? numeric : null;
  }
  return null;
}

const textOf = (v: unknown): string => (typeof v === 'string' ? plainText(v) : typeof v === 'number' ? String(v) : '');

export function mapItems(doc: unknown, config: JsonSourceConfig, host: string, now: Date): { items: TimedMention[]; skipped: number; next: unknown } {
  const list = resolvePointer(doc, parsePointer(config.mapping.items));
  if (!Array.isArray(list)) throw new PollError('malformed', `unexpected answer from ${host}: ${config.mapping.items || 'the document'} is not a list`);
  const pointers: Partial<Record<JsonField, string[]>> = {};
  for (const f of JSON_FIELDS) if (config.mapping[f] !== undefined) pointers[f] = parsePointer(config.mapping[f]);
  const get = (item: unknown, field: JsonField) => { const p = pointers[field]; return p ? resolvePointer(item, p) : undefined; };
  const items: TimedMention[] = [];
  let skipped = 0;
  for (const item of list) {
    const url = get(item, 'url');
    const m = toMention({
      id: get(item, 'id'), text: textOf(get(item, 'text')), author: typeof get(item, 'author') === 'string' ? get(item, 'author') : null,
      url: typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null, publishedAt: dateOf(get(item, 'date')),
      reach: reachOf(config.network ?? 'json', { followers: get(item, 'followers'), likes: get(item, 'likes'), reposts: get(item, 'reposts'), replies: get(item, 'replies') }),
    }, now);
    if (m) items.push(m);
    else skipped += 1;
  }
  // Newest first whatever order the API uses, so catch-up stops at the first item older than the cursor.
  items.sort((a, b) => b.at - a.at);
  const next = config.mapping.next ? resolvePointer(doc, parsePointer(config.mapping.next)) : undefined;
  return { items, skipped, next };
}

export const jsonConnector: PollConnector = async (ctx) => {
  const config = ctx.source.config as unknown as JsonSourceConfig;
  const headers = Object.fromEntries(Object.entries(ctx.secrets).filter(([k]) => k.startsWith(HEADER_SECRET_PREFIX)).map(([k, v]) => [k.slice(HEADER_SECRET_PREFIX.length), v]));
  const cursor = readCursor<ListingCursor>(ctx.source.cursor, { since: null });
  let skipped = 0;
  const read = async (token: string | null): Promise<ListingPage> => {
    const url = token ?? ctx.source.url!;
    const answer = await ctx.http(url, { headers });
    const page = mapItems(answer.json, config, new URL(url).host, ctx.now);
    skipped += page.skipped;
    let next: string | null = null;
    if (typeof page.next === 'string' && page.next) {
      try {
        next = new URL(page.next, url).href;
      } catch {
        next = null;
      }
    }
    return { items: page.items, next, rateLimit: answer.rateLimit };
  };
  const result = await catchUp(read, cursor, { maxPages: ctx.maxPages, firstPollPages: 1 });
  return {
    mentions: result.mentions, cursor: JSON.stringify(result.cursor), caughtUp: result.caughtUp, pauseSeconds: result.pauseSeconds,
    newestAt: result.newest === null ? null : new Date(result.newest * 1000), lagSeconds: lagOf(result.cursor.since, result.caughtUp, ctx.now), skipped,
  };
};
